package dev.switchboard.http;


/**
 * One field line of a message head or trailer section: {@code field-name ":" OWS field-value
 * OWS} (RFC 9112 section 5). The name is kept as sent (compare it ignoring case), the value
 * without the whitespace around it. Immutable.
 *
 * @param name a token
 * @param value visible characters, spaces, tabs and obs-text, no leading or trailing whitespace
 */
public record FieldLine(String name, String value) {

    private static final String WHAT = "field line";

    /**
     * Parses a line without its line ending.
     *
     * @throws WireFormatException (400) for a line that starts with whitespace (obs-fold,
     *     section 5.2), a name that is not a token or is followed by whitespace (section 5.1),
     *     no colon, or a control character other than HTAB in the value (RFC 9110 section 5.5)
     */
    public static FieldLine parse(String line) {
        if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
            throw new WireFormatException(WHAT, "a folded field line (obs-fold): \"" + OneLine.of(line) + "\"");
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new WireFormatException(WHAT, "expected name \":\" value but was \"" + OneLine.of(line) + "\"");
        }
        String name = line.substring(0, colon);
        if (!FieldReader.isToken(name)) {
            throw new WireFormatException(WHAT, "expected a token before ':' with no whitespace but was \""
                    + OneLine.of(name) + "\"");
        }
        int start = colon + 1;
        int end = line.length();
        while (start < end && isOws(line.charAt(start))) {
            start++;
        }
        while (end > start && isOws(line.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new WireFormatException(WHAT, "expected no control character in the value of " + name
                        + " but was " + String.format("U+%04X", (int) c));
            }
        }
        return new FieldLine(name, line.substring(start, end));
    }

    /** Whether this line's name is {@code name}, ignoring case. */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** {@code name: value}. */
    @Override
    public String toString() {
        return name + ": " + value;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
