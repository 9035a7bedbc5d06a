package dev.switchboard.tls.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

import dev.switchboard.http.BodyFraming;
import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldLine;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.RequestLine;

/**
 * Checks one request head received over an RFC 2817 connection, as {@link
 * dev.switchboard.http.HeadReader} read it, and writes it again in canonical form for the
 * container:
 * <ul>
 *   <li>request line {@code method SP target SP HTTP/1.x}, {@code HTTP/1.0} or {@code HTTP/1.1}
 *       (any other version is 505), the target in origin form and confined by {@link BridgeRules};</li>
 *   <li>exactly one {@code Host}, the one the connection was upgraded for (added to an
 *       HTTP/1.0 request without one);</li>
 *   <li>framing made explicit as {@link BodyFraming} reads it: one {@code Content-Length}, or
 *       {@code Transfer-Encoding: chunked}; both together, differing lengths or {@code chunked}
 *       anywhere but last are 400, a coding before {@code chunked} is 501;</li>
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
final class CanonicalRequest {

    /** A checked head in canonical form, and how its content is framed. */
    record Head(byte[] canonical, BodyFraming framing) {
    }

    private final BridgeRules rules;
    private final String token;

    /**
     * @param token the connection's token, written into every head as {@link BridgeRegistry#TOKEN_FIELD}
     */
    CanonicalRequest(BridgeRules rules, String token) {
        this.rules = rules;
        this.token = token;
    }

    /**
     * @throws HttpStatusException with the status to answer: 400, 404, 421, 501 or 505
     */
    Head write(MessageHead<RequestLine> head) {
        RequestLine line = head.startLine();
        HttpVersion version = supported(line.version());
        String target = rules.originForm(line.method(), line.target());

        StringBuilder out = new StringBuilder(head.size() + 64);
        out.append(line.method()).append(' ').append(target).append(' ').append(version).append("\r\n");
        int hosts = 0;
        for (FieldLine f : head.fields()) {
            switch (f.name().toLowerCase(Locale.ROOT)) {
                case "host" -> {
                    hosts++;
                    if (!rules.sameHost(f.value())) {
                        throw new HttpStatusException(HttpSpec.SC_MISDIRECTED_REQUEST,
                                "This connection serves " + rules.host() + " only, not " + f.value());
                    }
                    field(out, f.name(), f.value());
                }
                case "content-length", "transfer-encoding", "upgrade", "switchboard-bridge", "switchboard_bridge" -> {
                    // framing is written below; the rest is removed, see the class comment
                }
                case "connection" -> {
                    String options = withoutUpgrade(f.value());
                    if (!options.isEmpty()) {
                        field(out, f.name(), options);
                    }
                }
                default -> {
                    if (!rules.identityFields().asserts(f.name())) {
                        field(out, f.name(), f.value());
                    }
                }
            }
        }
        if (hosts > 1) {
            throw bad("Request has more than one Host field");
        }
        if (hosts == 0) {
            if (version.equals(HttpVersion.HTTP_1_1)) {
                throw bad("HTTP/1.1 request without a Host field");
            }
            field(out, HttpSpec.HOST, rules.host());
        }
        BodyFraming framing = BodyFraming.of(head);
        if (framing.codings().size() > 1) {
            throw new HttpStatusException(HttpSpec.SC_NOT_IMPLEMENTED,
                    "Transfer codings other than chunked are not supported: " + framing.codings());
        }
        if (framing.kind() == BodyFraming.Kind.CHUNKED) {
            field(out, HttpSpec.TRANSFER_ENCODING, HttpSpec.CHUNKED);
        } else if (head.has(HttpSpec.CONTENT_LENGTH)) {
            field(out, HttpSpec.CONTENT_LENGTH, Long.toString(framing.length()));
        }
        field(out, BridgeRegistry.TOKEN_FIELD, token);
        out.append("\r\n");
        return new Head(out.toString().getBytes(StandardCharsets.ISO_8859_1), framing);
    }

    /** HTTP/1.0 and HTTP/1.1: the versions the container is spoken to in. */
    private static HttpVersion supported(HttpVersion version) {
        if (version.equals(HttpVersion.HTTP_1_1) || version.equals(HttpVersion.HTTP_1_0)) {
            return version;
        }
        throw new HttpStatusException(HttpSpec.SC_HTTP_VERSION_NOT_SUPPORTED,
                version + " is not supported on this connection; use HTTP/1.1");
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

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append("\r\n");
    }

    private static HttpStatusException bad(String reason) {
        return new HttpStatusException(HttpSpec.SC_BAD_REQUEST, reason);
    }
}
