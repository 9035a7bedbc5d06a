package dev.switchboard.http;

/**
 * {@code status-line = HTTP-version SP status-code SP [ reason-phrase ]} (RFC 9112 section 4).
 * A line that ends right after the status code ({@code HTTP/1.1 101}) is accepted too, as
 * older servers send it. Immutable.
 *
 * @param version the version
 * @param status 100 to 599 (RFC 9110 section 15: other values are invalid)
 * @param reason the reason phrase, possibly empty: tabs, spaces, visible characters, obs-text
 */
public record StatusLine(HttpVersion version, int status, String reason) {

    private static final String WHAT = "status line";
    private static final String EXPECTED = "expected a status line such as HTTP/1.1 101";

    /**
     * Parses a line without its line ending.
     *
     * @throws WireFormatException (400) for anything else
     */
    public static StatusLine parse(String line) {
        if (line.length() < 12 || line.charAt(8) != ' ' || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw invalid(line, EXPECTED);
        }
        HttpVersion version = HttpVersion.parse(line.substring(0, 8));
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(line, EXPECTED);
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100 || status > 599) {
            throw invalid(line, "expected a status code from 100 to 599");
        }
        String reason = line.length() > 12 ? line.substring(13) : "";
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw invalid(line, "expected no control character in the reason phrase");
            }
        }
        return new StatusLine(version, status, reason);
    }

    /** Whether this is an interim response other than 101 (RFC 9110 section 15.2). */
    public boolean isInterim() {
        return status < 200 && status != HttpSpec.SC_SWITCHING_PROTOCOLS;
    }

    /** {@code HTTP/1.1 101 Switching Protocols}. */
    @Override
    public String toString() {
        return version + " " + status + " " + reason;
    }

    private static WireFormatException invalid(String line, String problem) {
        return new WireFormatException(WHAT, problem + " but was \"" + OneLine.of(line) + "\"");
    }
}
