package dev.switchboard.http;

/**
 * A field value that does not match its grammar. Carries {@code 400 Bad Request} and a
 * reason of the form {@code Invalid Upgrade field: expected token but was ',' at offset 4}.
 */
public final class FieldSyntaxException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    private final String fieldName;

    public FieldSyntaxException(String fieldName, String problem) {
        super(HttpSpec.SC_BAD_REQUEST, "Invalid " + fieldName + " field: " + problem);
        this.fieldName = fieldName;
    }

    /** The name of the field whose value was malformed. */
    public String fieldName() {
        return fieldName;
    }
}
