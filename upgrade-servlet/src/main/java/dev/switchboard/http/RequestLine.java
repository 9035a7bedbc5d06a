package dev.switchboard.http;


/**
 * {@code request-line = method SP request-target SP HTTP-version} (RFC 9112 section 3).
 * Immutable.
 *
 * @param method a token, case-sensitive ({@code GET})
 * @param target the request target as sent: visible ASCII, no whitespace (origin form
 *     {@code /a?b}, absolute form, authority form for {@code CONNECT}, or {@code *})
 * @param version the version
 */
public record RequestLine(String method, String target, HttpVersion version) {

    private static final String WHAT = "request line";

    /**
     * Parses a line without its line ending.
     *
     * @throws WireFormatException (400) unless the line is three parts separated by single
     *     spaces (section 3 allows no other whitespace), a token, a target of visible ASCII
     *     and an HTTP version
     */
    public static RequestLine parse(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0 || line.indexOf(' ', second + 1) >= 0) {
            throw invalid(line, "expected method SP target SP version");
        }
        String method = line.substring(0, first);
        if (!FieldReader.isToken(method)) {
            throw invalid(line, "expected a token for the method");
        }
        String target = line.substring(first + 1, second);
        if (target.isEmpty()) {
            throw invalid(line, "expected a request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw invalid(line, "expected visible ASCII in the request target");
            }
        }
        return new RequestLine(method, target, HttpVersion.parse(line.substring(second + 1)));
    }

    /** {@code GET / HTTP/1.1}. */
    @Override
    public String toString() {
        return method + ' ' + target + ' ' + version;
    }

    private static WireFormatException invalid(String line, String problem) {
        return new WireFormatException(WHAT, problem + " but was \"" + OneLine.of(line) + "\"");
    }
}
