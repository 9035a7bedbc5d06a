package dev.switchboard.servlet.harness;

import java.util.Map;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A response that keeps what a filter set (status, fields in the order first set, content) and
 * writes its head as an HTTP/1.1 server would: the status line with the reason phrase of RFC
 * 9110 section 15, each field line as {@code name: value} in that order, every line ending in
 * CRLF, then the empty line. It adds no field of its own: no {@code Date}, no framing the
 * filter did not set.
 */
public final class WireResponse extends MockHttpServletResponse {

    /** The reason phrases of RFC 9110 section 15 for the statuses Switchboard answers with. */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"),
            Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(421, "Misdirected Request"),
            Map.entry(426, "Upgrade Required"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    /**
     * The head as written: {@code HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\n...\r\n\r\n}.
     * A status without a phrase in the table above gets an empty reason ({@code HTTP/1.1 299 \r\n}).
     */
    public String head() {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(getStatus()).append(' ')
                .append(REASONS.getOrDefault(getStatus(), "")).append("\r\n");
        for (String name : getHeaderNames()) {
            for (String value : getHeaders(name)) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }
        return head.append("\r\n").toString();
    }
}
