package dev.switchboard.http;

/**
 * Peer input that a wire parser of this package refuses: a value, line or message that does
 * not match its grammar ({@code 400 Bad Request}, with a reason such as {@code Invalid IP
 * address: expected at most 4 hex digits in a group but was "12345"}), or one that passes a
 * limit ({@code 413}, {@code 414} or {@code 431}).
 *
 * <p>Parsers report every problem with a peer's bytes through this type (or
 * {@link FieldSyntaxException} for a field value), so a caller converts one exception into one
 * answer. A caller that parses what another server sent it (a backend's response head, say)
 * answers its own client with {@code 502} instead; the status here is always the one owed to
 * the peer that sent the bytes. Immutable.
 */
public final class WireFormatException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final String problem;

    /** A 400 for {@code what} (such as {@code "IP address"}) that does not match its grammar. */
    public WireFormatException(String what, String problem) {
        this(HttpSpec.SC_BAD_REQUEST, what, "Invalid " + what + ": " + problem, problem);
    }

    private WireFormatException(int status, String what, String reason, String problem) {
        super(status, reason);
        this.what = what;
        this.problem = problem;
    }

    /**
     * Input that passes a limit: {@code 413} (content), {@code 414} (request line) or
     * {@code 431} (a field line, the field count or the head as a whole).
     *
     * @param reason the whole one-line reason, such as {@code Request head is larger than 8192 bytes}
     * @throws IllegalArgumentException if {@code status} is not one of those three
     */
    public static WireFormatException limit(int status, String what, String reason) {
        if (status != HttpSpec.SC_CONTENT_TOO_LARGE && status != HttpSpec.SC_URI_TOO_LONG
                && status != HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE) {
            throw new IllegalArgumentException("expected 413, 414 or 431 for a limit but was " + status);
        }
        return new WireFormatException(status, what, reason, reason);
    }

    /** What was being read, such as {@code "IP address"} or {@code "chunk size line"}. */
    public String what() {
        return what;
    }

    /**
     * The reason without naming what was read: for a 400 what follows {@code "Invalid <what>: "},
     * such as {@code expected at most 4 hex digits in a group but was "12345"}; for a limit the
     * whole reason. For a caller that words the reason itself, such as a proxy that reports a
     * backend's response head.
     */
    public String problem() {
        return problem;
    }
}
