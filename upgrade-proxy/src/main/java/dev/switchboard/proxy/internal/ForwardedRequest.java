package dev.switchboard.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchboard.http.Connection;
import dev.switchboard.http.Forwarded;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.IpAddress;
import dev.switchboard.http.Upgrade;
import dev.switchboard.proxy.ForwardingFields;
import dev.switchboard.proxy.Route;
import dev.switchboard.proxy.TunnelOptions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Writes the request head that goes to the backend (RFC 9110 section 7.6): the request line
 * with the route's target, the client's end-to-end fields in the order received, and then
 * this hop's own fields:
 *
 * <pre>
 * GET /ws/chat HTTP/1.1
 * Host: 10.0.0.5:8080
 * Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==         (end-to-end: forwarded as received)
 * Upgrade: websocket                                  (this hop's, from the parsed offer)
 * Connection: upgrade
 * Forwarded: for=192.0.2.60;host=example.com;proto=https
 * X-Forwarded-For: 192.0.2.60
 * X-Forwarded-Proto: https
 * X-Forwarded-Host: example.com
 * X-Forwarded-Port: 443
 * Via: 1.1 switchboard
 * </pre>
 *
 * Hop-by-hop fields ({@code Connection} and what it names, {@code Keep-Alive},
 * {@code Proxy-Connection}, {@code TE}, {@code Trailer}, {@code Transfer-Encoding},
 * {@code Upgrade}) are not forwarded; neither are {@code Host} and {@code Content-Length},
 * which this hop sets, nor {@code Expect}, which the proxy has answered by reading the
 * content. Earlier {@code Via} values are kept and this hop's appended.
 *
 * <p>The forwarding fields say what this hop believes of the client: the {@link ForwardedClient}
 * that the context resolves for the TLS policy and the WebSocket origin check too. From a peer
 * that is not a trusted proxy that is the connection itself, and whatever forwarding fields the
 * peer sent are dropped; behind trusted proxies it is the client they vouch for, with the
 * scheme, host and port it used, written as one hop, so that a backend needs to trust this hop
 * alone. The received {@code Forwarded}, {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}
 * and {@code -Port} never reach the backend as received; nor does any field of a family this hop
 * does not write ({@code Forwarded}, or every {@code X-Forwarded-*} field), nor, from a peer that
 * is no trusted proxy, any other {@code X-Forwarded-*} field (such as {@code -Prefix}): only a
 * trusted proxy's pass on.
 */
final class ForwardedRequest {

    private static final Set<String> SET_BY_THIS_HOP = Set.of("host", "content-length", "expect");
    private static final String VIA = "via";
    private static final Set<String> REPLACED = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port");
    private static final String X_FORWARDED_FAMILY = "x-forwarded-";

    private ForwardedRequest() {
    }

    /**
     * The head, ready to write.
     *
     * @param target the request target for the backend
     * @param client the client as the context resolved it
     * @param upgrade the client's offer, forwarded as this hop's {@code Upgrade}; null for none
     * @param contentLength the length of the content that follows, 0 for none
     * @throws HttpStatusException (400) if a field value holds a control character
     */
    static byte[] head(HttpServletRequest request, ForwardedClient client, Route route, String target,
            Upgrade upgrade, Connection connection, TunnelOptions options, int contentLength) {
        HopByHop hopByHop = HopByHop.of(connection);
        ForwardingFields forwarding = options.forwarding();
        List<String> via = new ArrayList<>();

        StringBuilder out = new StringBuilder(512);
        out.append(request.getMethod()).append(' ').append(target).append(" HTTP/1.1\r\n");
        String clientHost = request.getHeader(HttpSpec.HOST);
        line(out, HttpSpec.HOST, options.preserveHost() && clientHost != null ? clientHost : route.authority());
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (hopByHop.contains(name) || SET_BY_THIS_HOP.contains(lower) || REPLACED.contains(lower)
                    || notWritten(lower, forwarding) || client.trustedHops() == 0 && isForwarding(lower)) {
                continue;
            }
            List<String> values = Collections.list(request.getHeaders(name));
            if (lower.equals(VIA)) {
                via.addAll(values);
                continue;
            }
            for (String value : values) {
                line(out, name, value);
            }
        }
        if (upgrade != null) {
            line(out, HttpSpec.UPGRADE, upgrade.toHeaderValue());
            line(out, HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        }
        if (contentLength > 0) {
            line(out, HttpSpec.CONTENT_LENGTH, Integer.toString(contentLength));
        }
        forwarding(out, client, forwarding);
        options.via().ifPresent(name -> via.add(protocolVersion(request) + ' ' + name));
        if (!via.isEmpty()) {
            line(out, HttpSpec.VIA, String.join(", ", via));
        }
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether {@code lowerName} is a forwarding field: {@code Forwarded} or any
     * {@code X-Forwarded-*} ({@code -Prefix}, {@code -Server}, {@code -Ssl}...), which a peer that
     * is no trusted proxy may not assert.
     */
    private static boolean isForwarding(String lowerName) {
        return lowerName.equals("forwarded") || lowerName.startsWith(X_FORWARDED_FAMILY);
    }

    /** Whether {@code lowerName} belongs to a family of forwarding fields this hop does not write. */
    private static boolean notWritten(String lowerName, ForwardingFields forwarding) {
        return lowerName.equals("forwarded") && !forwarding.forwarded()
                || lowerName.startsWith(X_FORWARDED_FAMILY) && !forwarding.xForwarded();
    }

    /** This hop's fields for {@code client}: {@code for} its address (or its hidden node), its host and scheme. */
    private static void forwarding(StringBuilder out, ForwardedClient client, ForwardingFields forwarding) {
        String host = client.host().map(Object::toString).orElse(null);
        if (forwarding.forwarded()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("for", client.address().map(IpAddress::toUriString).orElse(client.client().toString()));
            if (host != null) {
                params.put("host", host);
            }
            params.put("proto", client.scheme());
            line(out, HttpSpec.FORWARDED, Forwarded.of(List.of(Forwarded.Element.of(params))).toHeaderValue());
        }
        if (forwarding.xForwarded()) {
            line(out, HttpSpec.X_FORWARDED_FOR, client.address().map(Object::toString)
                    .orElse(client.client().toString()));
            line(out, HttpSpec.X_FORWARDED_PROTO, client.scheme());
            if (host != null) {
                line(out, HttpSpec.X_FORWARDED_HOST, host);
            }
            line(out, HttpSpec.X_FORWARDED_PORT, Integer.toString(client.serverPort()));
        }
    }

    /** {@code 1.1} for {@code HTTP/1.1}, as {@code Via} writes the received protocol (RFC 9110 section 7.6.3). */
    private static String protocolVersion(HttpServletRequest request) {
        String protocol = request.getProtocol();
        return protocol.startsWith("HTTP/") ? protocol.substring(5) : protocol;
    }

    private static void line(StringBuilder out, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                        "Field " + name + " holds a character that cannot be forwarded");
            }
        }
        out.append(name).append(": ").append(value).append("\r\n");
    }
}
