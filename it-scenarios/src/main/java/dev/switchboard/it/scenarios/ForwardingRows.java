package dev.switchboard.it.scenarios;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * One table of forwarding input (TLS-09, WS-11, PRX-07), sent unchanged to the TLS policy
 * ({@link TlsPolicyScenarios}), the WebSocket origin check ({@link WebSocketPolicyScenarios})
 * and the tunnel ({@link TunnelScenarios}), which each assert the row's {@link Answer} in their
 * own terms: the application's one {@code switchboard.trustedProxies} must make the same
 * forged or malformed {@code Forwarded} / {@code X-Forwarded-*} mean the same thing to all three.
 * Each deployment trusts {@link #TRUSTED_PROXY} alone; the untrusted peer is 127.0.0.1.
 */
public final class ForwardingRows {

    /** The address the deployments trust; a client binds to it to speak as the proxy. */
    public static final String TRUSTED_PROXY = "127.0.0.2";
    /** The address every other connection comes from. */
    public static final String UNTRUSTED_PEER = "127.0.0.1";
    /** The host and scheme that a believed row says the client used. */
    public static final String CLIENT_HOST = "app.example.com";

    /** What a row means. */
    public enum Answer {
        /** The fields are ignored: the client is the peer, over the connection's cleartext, at its {@code Host}. */
        IGNORED,
        /** The fields are believed: the client {@code client} used https to {@link #CLIENT_HOST}. */
        BELIEVED,
        /** {@code 400} with a one-line reason and {@code Connection: close}; nothing runs for it. */
        BAD_REQUEST
    }

    private ForwardingRows() {
    }

    /**
     * label, peer address, the field lines, the answer, and the client a believed row names (as
     * {@code getRemoteAddr()} reports it).
     */
    public static Stream<Arguments> rows() {
        String t = TRUSTED_PROXY;
        String u = UNTRUSTED_PEER;
        String valid = "Forwarded: for=198.51.100.7;proto=https;host=" + CLIENT_HOST;
        String validX = "X-Forwarded-For: 198.51.100.7|X-Forwarded-Proto: https|X-Forwarded-Host: " + CLIENT_HOST;
        String malformed = "Forwarded: for=198.51.100.7;;=x";
        return Stream.of(
                row("untrusted peer, valid Forwarded", u, valid, Answer.IGNORED, null),
                row("untrusted peer, valid X-Forwarded-*", u, validX, Answer.IGNORED, null),
                row("untrusted peer, malformed Forwarded", u, malformed, Answer.IGNORED, null),
                row("untrusted peer, X-Forwarded-Proto: ftp", u, "X-Forwarded-Proto: ftp", Answer.IGNORED, null),
                row("untrusted peer, a forged chain naming the trusted proxy", u,
                        "X-Forwarded-For: 198.51.100.7, " + t + "|X-Forwarded-Proto: https|X-Forwarded-Host: "
                                + CLIENT_HOST, Answer.IGNORED, null),
                row("trusted peer, valid Forwarded", t, valid, Answer.BELIEVED, "198.51.100.7"),
                row("trusted peer, valid X-Forwarded-*", t, validX, Answer.BELIEVED, "198.51.100.7"),
                row("trusted peer, a forged element behind an untrusted hop is not read", t,
                        "Forwarded: for=203.0.113.9;proto=http;host=evil.example, for=198.51.100.7;proto=https;host="
                                + CLIENT_HOST, Answer.BELIEVED, "198.51.100.7"),
                row("trusted peer, a chain over a trusted hop is walked to the client", t,
                        "X-Forwarded-For: 198.51.100.7, " + t + "|X-Forwarded-Proto: https, http"
                                + "|X-Forwarded-Host: " + CLIENT_HOST + ", edge.internal", Answer.BELIEVED,
                        "198.51.100.7"),
                row("trusted peer, IPv6 literal", t, "Forwarded: for=\"[2001:db8::7]:4711\";proto=https;host="
                        + CLIENT_HOST, Answer.BELIEVED, "2001:db8::7"),
                row("trusted peer, obfuscated node", t, "Forwarded: for=_hidden;proto=https;host=" + CLIENT_HOST,
                        Answer.BELIEVED, "_hidden"),
                row("trusted peer, malformed Forwarded", t, malformed, Answer.BAD_REQUEST, null),
                row("trusted peer, IPv6 literal without brackets", t, "Forwarded: for=2001:db8::7;proto=https",
                        Answer.BAD_REQUEST, null),
                row("trusted peer, X-Forwarded-For that is no address", t, "X-Forwarded-For: client.example",
                        Answer.BAD_REQUEST, null),
                row("trusted peer, X-Forwarded-Proto: ftp", t, "X-Forwarded-Proto: ftp", Answer.BAD_REQUEST, null),
                row("trusted peer, both families (one may be the client's own)", t,
                        "Forwarded: for=198.51.100.7;proto=https;host=" + CLIENT_HOST + "|X-Forwarded-For: 192.0.2.1",
                        Answer.BAD_REQUEST, null));
    }

    /** The field lines of a row, each ending with CRLF. */
    public static String fieldBlock(String fields) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(fields)) {
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** The field lines of a row. */
    public static List<String> lines(String fields) {
        return List.of(fields.split("\\|"));
    }

    private static Arguments row(String label, String peer, String fields, Answer answer, String client) {
        return Arguments.of(label, peer, fields, answer, client);
    }
}
