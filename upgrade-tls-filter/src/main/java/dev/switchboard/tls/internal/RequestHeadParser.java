package dev.switchboard.tls.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.FieldReader;
import dev.switchboard.tls.TlsSpec;

/**
 * Checks one request head received over an RFC 2817 connection (RFC 9112 sections 3 and 5)
 * and writes it again in canonical form for the container:
 * <ul>
 *   <li>request line {@code method SP target SP HTTP/1.x}, the target in origin form and
 *       confined by {@link BridgeRules};</li>
 *   <li>exactly one {@code Host}, the one the connection was upgraded for (added to an
 *       HTTP/1.0 request without one);</li>
 *   <li>framing made explicit: one {@code Content-Length}, or {@code Transfer-Encoding:
 *       chunked}; both together, any other coding, or differing lengths are refused;</li>
 *   <li>removed: {@code Upgrade} and the {@code upgrade} connection option (the connection
 *       has already switched; nothing more is switched over it); every field that asserts
 *       a client address, scheme or certificate ({@link BridgeRules#identityFields()}:
 *       {@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP}, {@code True-Client-IP},
 *       {@code X-SSL-*}, {@code ssl_client_cert}, what the container's valves read, ...),
 *       since inside TLS there is no proxy that could have added them, and a container valve
 *       that trusts loopback addresses must not believe them (TLS-14); and any
 *       {@link BridgeRegistry#TOKEN_FIELD} the client sent;</li>
 *   <li>added, last: the connection's own {@link BridgeRegistry#TOKEN_FIELD}.</li>
 * </ul>
 * Field lines are otherwise passed on in order, names as sent, values without surrounding
 * whitespace. Stateless apart from its rules; thread-safe.
 */
final class RequestHeadParser {

    /** A checked head in canonical form, and how its content is framed. */
    record Head(byte[] canonical, boolean chunked, long contentLength) {
    }

    private final BridgeRules rules;
    private final String token;

    /**
     * @param token the connection's token, written into every head as {@link BridgeRegistry#TOKEN_FIELD}
     */
    RequestHeadParser(BridgeRules rules, String token) {
        this.rules = rules;
        this.token = token;
    }

    /**
     * @param b the head, from the request line to the empty line inclusive
     * @throws HttpStatusException with the status to answer
     */
    Head parse(byte[] b, int length) {
        List<String> lines = lines(new String(b, 0, length, StandardCharsets.ISO_8859_1));
        String[] requestLine = lines.get(0).split(" ", -1);
        if (requestLine.length != 3 || !FieldReader.isToken(requestLine[0]) || requestLine[1].isEmpty()) {
            throw bad("Malformed request line: " + lines.get(0));
        }
        String method = requestLine[0];
        String version = version(requestLine[2]);
        String target = rules.originForm(method, requestLine[1]);

        StringBuilder out = new StringBuilder(length + 64);
        out.append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
        int hosts = 0;
        List<String> contentLengths = new ArrayList<>(1);
        List<String> transferCodings = new ArrayList<>(1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw bad("Obsolete line folding is not accepted");
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            if (!FieldReader.isToken(name)) {
                throw bad("Malformed field line: " + line);
            }
            String value = value(line.substring(colon + 1), name);
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "host" -> {
                    hosts++;
                    if (!rules.sameHost(value)) {
                        throw new HttpStatusException(TlsSpec.SC_MISDIRECTED_REQUEST,
                                "This connection serves " + rules.host() + " only, not " + value);
                    }
                    field(out, name, value);
                }
                case "content-length" -> contentLengths.add(value);
                case "transfer-encoding" -> transferCodings.add(value);
                case "upgrade", "switchboard-bridge", "switchboard_bridge" -> {
                    // removed, see the class comment
                }
                case "connection" -> {
                    String options = withoutUpgrade(value);
                    if (!options.isEmpty()) {
                        field(out, name, options);
                    }
                }
                default -> {
                    if (!rules.identityFields().asserts(name)) {
                        field(out, name, value);
                    }
                }
            }
        }
        if (hosts > 1) {
            throw bad("Request has more than one Host field");
        }
        if (hosts == 0) {
            if (version.equals(HttpSpec.HTTP_1_1)) {
                throw bad("HTTP/1.1 request without a Host field");
            }
            field(out, HttpSpec.HOST, rules.host());
        }
        boolean chunked = false;
        long contentLength = 0;
        if (!transferCodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                throw bad("Request has both Transfer-Encoding and Content-Length");
            }
            if (!version.equals(HttpSpec.HTTP_1_1)) {
                throw bad("Transfer-Encoding in an HTTP/1.0 request");
            }
            requireChunkedOnly(transferCodings);
            chunked = true;
            field(out, HttpSpec.TRANSFER_ENCODING, "chunked");
        } else if (!contentLengths.isEmpty()) {
            contentLength = contentLength(contentLengths);
            field(out, HttpSpec.CONTENT_LENGTH, Long.toString(contentLength));
        }
        field(out, BridgeRegistry.TOKEN_FIELD, token);
        out.append("\r\n");
        return new Head(out.toString().getBytes(StandardCharsets.ISO_8859_1), chunked, contentLength);
    }

    /** The lines up to the empty one, without their CR LF; at least the request line. */
    private static List<String> lines(String head) {
        List<String> out = new ArrayList<>(16);
        int start = 0;
        while (start < head.length()) {
            int lf = head.indexOf('\n', start);
            int end = lf > start && head.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            String line = head.substring(start, end);
            if (line.indexOf('\r') >= 0) {
                throw bad("Bare CR in the request head");
            }
            if (line.isEmpty()) {
                break;
            }
            out.add(line);
            start = lf + 1;
        }
        return out;
    }

    private static String version(String v) {
        if (v.equals(HttpSpec.HTTP_1_1) || v.equals(HttpSpec.HTTP_1_0)) {
            return v;
        }
        if (v.matches("HTTP/[0-9]\\.[0-9]")) {
            throw new HttpStatusException(TlsSpec.SC_HTTP_VERSION_NOT_SUPPORTED,
                    v + " is not supported on this connection; use HTTP/1.1");
        }
        throw bad("Malformed HTTP version: " + v);
    }

    /** The value without surrounding whitespace; control characters other than HTAB are refused. */
    private static String value(String raw, String name) {
        int start = 0;
        int end = raw.length();
        while (start < end && (raw.charAt(start) == ' ' || raw.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw bad("Field " + name + " holds a control character");
            }
        }
        return raw.substring(start, end);
    }

    private static String withoutUpgrade(String value) {
        Connection connection;
        try {
            connection = Connection.parse(value);
        } catch (FieldSyntaxException e) {
            throw bad(e.reason());
        }
        StringJoiner out = new StringJoiner(", ");
        for (String option : connection.options()) {
            if (!option.equals(HttpSpec.CONNECTION_OPTION_UPGRADE)) {
                out.add(option);
            }
        }
        return out.toString();
    }

    private static void requireChunkedOnly(List<String> lines) {
        List<String> codings;
        try {
            codings = FieldReader.parseList(HttpSpec.TRANSFER_ENCODING, lines, true,
                    r -> r.token().toLowerCase(Locale.ROOT));
        } catch (FieldSyntaxException e) {
            throw bad(e.reason());
        }
        if (!codings.get(codings.size() - 1).equals("chunked")) {
            throw bad("The last transfer coding of a request must be chunked (RFC 9112 section 6.3)");
        }
        if (codings.size() > 1) {
            throw new HttpStatusException(TlsSpec.SC_NOT_IMPLEMENTED,
                    "Transfer codings other than chunked are not supported: " + codings);
        }
    }

    private static long contentLength(List<String> lines) {
        List<String> values;
        try {
            values = FieldReader.parseList(HttpSpec.CONTENT_LENGTH, lines, true, FieldReader::token);
        } catch (FieldSyntaxException e) {
            throw bad(e.reason());
        }
        String first = values.get(0);
        for (String v : values) {
            if (!v.equals(first)) {
                throw bad("Content-Length values differ: " + values);
            }
        }
        if (first.length() > 18 || !first.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("Content-Length is not a number of bytes: " + first);
        }
        return Long.parseLong(first);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append("\r\n");
    }

    private static HttpStatusException bad(String reason) {
        return new HttpStatusException(HttpSpec.SC_BAD_REQUEST, reason);
    }
}
