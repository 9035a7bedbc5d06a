package dev.switchboard.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds the client of a request behind a chain of trusted proxies (RFC 7239 sections 4 to 6,
 * and the de-facto {@code X-Forwarded-*} fields). TLS-09: a request counts as secure only when
 * the connection is, or when a trusted proxy says so.
 *
 * <ol>
 *   <li>When the connection's peer is not a trusted proxy, every forwarding field is ignored:
 *       the client is the peer, secure as the connection is, asking for the {@code Host}.</li>
 *   <li>Otherwise the proxies' list of hops is walked from the nearest one back ({@code for} of
 *       each {@code Forwarded} element, or each {@code X-Forwarded-For} item, right to left) for
 *       as long as the hop is itself a trusted proxy. The first hop that is not, or the oldest
 *       one, is the client. Hops further left were written by the client or by proxies nobody
 *       vouches for, and are never read.</li>
 *   <li>The scheme and host are those that the proxy nearest the client recorded with it: the
 *       same element's {@code proto} and {@code host}, or the {@code X-Forwarded-Proto},
 *       {@code -Host} and {@code -Port} items at the same distance from the right (the
 *       leftmost item when there are fewer). Without one, the connection's security and the
 *       {@code Host} field stand. {@code proto} is {@code http} or {@code https}
 *       ({@code ws} and {@code wss} are read as those), in any case.</li>
 *   <li>The server port is, in order: {@code X-Forwarded-Port}; the port of the forwarded host;
 *       the default port of a forwarded scheme; the port of {@code Host}; the scheme's default.</li>
 * </ol>
 *
 * <p><b>Malformed input from a trusted proxy is a {@code 400 Bad Request}</b>
 * ({@link FieldSyntaxException}): an unparseable {@code Forwarded} field, or a hop, scheme,
 * host or port that the walk reads and that does not match its grammar. 400 and not 403,
 * because the request is malformed rather than forbidden: RFC 9110 section 15.5.1 names
 * malformed syntax as the case for 400, every other malformed field gets 400 here, and RFC
 * 6455 section 4.2.2 keeps 403 for an origin the server has read and does not accept, which
 * it cannot do here. Every part of the server (TLS policy, WebSocket origin check, tunnel)
 * must answer the same forged or broken input the same way, so all use this class. Fields
 * from an untrusted peer are never parsed and so never fail. Which field family is believed
 * is set by {@link ForwardedFields}.
 *
 * <p>Each call reads each field once: linear in the size of the fields. Immutable and thread-safe.
 */
public final class ForwardedClientResolver {

    private static final ForwardedClientResolver NONE = new ForwardedClientResolver(AddressSet.none(),
            ForwardedFields.EITHER);

    private final AddressSet trustedProxies;
    private final ForwardedFields fields;

    public ForwardedClientResolver(AddressSet trustedProxies, ForwardedFields fields) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /** Trusts no proxy: every request is taken as the connection shows it. */
    public static ForwardedClientResolver none() {
        return NONE;
    }

    /**
     * @param head the request; {@link RequestHead#secure()} is the connection's security
     * @param peerAddress the connection's peer as the container reports it ({@code 192.0.2.1},
     *     {@code 0:0:0:0:0:0:0:1}, {@code [::1]}); anything that is not an IP address is untrusted
     * @param peerPort the peer's port, or -1
     * @throws FieldSyntaxException (400) if a trusted proxy sent malformed forwarding fields
     */
    public ForwardedClient resolve(RequestHead head, String peerAddress, int peerPort) {
        IpAddress peer = literalOrNull(peerAddress);
        ForwardedNode peerNode = peer == null ? ForwardedNode.unknown()
                : ForwardedNode.of(peer, peerPort >= 1 && peerPort <= 65535 ? peerPort : -1);
        Authority hostField = hostField(head);
        Hop hop = new Hop(ForwardedClient.Source.CONNECTION, peerNode, 0, null, null, null);
        if (peer != null && trustedProxies.contains(peer)) {
            List<String> forwarded = fields.forwarded() ? head.fieldLines(HttpSpec.FORWARDED) : List.of();
            if (!forwarded.isEmpty() && fields == ForwardedFields.EITHER && hasXForwarded(head)) {
                throw new FieldSyntaxException(HttpSpec.FORWARDED, "both Forwarded and X-Forwarded-* came through "
                        + "a trusted proxy, and one of them may be the client's own");
            }
            if (!forwarded.isEmpty()) {
                hop = ForwardedChain.walkForwarded(Forwarded.parse(forwarded), trustedProxies);
            } else if (fields.xForwarded()) {
                hop = ForwardedChain.walkXForwarded(head, trustedProxies, hop);
            }
        }
        boolean secure = hop.proto == null ? head.secure() : hop.proto;
        int defaultPort = secure ? HttpSpec.DEFAULT_HTTPS_PORT : HttpSpec.DEFAULT_HTTP_PORT;
        Authority host = hop.host != null ? hop.host : hostField;
        int serverPort;
        if (hop.port != null) {
            serverPort = hop.port;
        } else if (hop.host != null) {
            serverPort = hop.host.portOr(defaultPort);
        } else if (hop.proto != null || hostField == null) {
            serverPort = defaultPort;
        } else {
            serverPort = hostField.portOr(defaultPort);
        }
        ForwardedNode client = hop.client == null ? ForwardedNode.unknown() : hop.client;
        return new ForwardedClient(hop.source, client, secure, host, serverPort, hop.trustedHops);
    }

    private static boolean hasXForwarded(RequestHead head) {
        return !head.fieldLines(HttpSpec.X_FORWARDED_FOR).isEmpty() || !head.fieldLines(HttpSpec.X_FORWARDED_PROTO).isEmpty()
                || !head.fieldLines(HttpSpec.X_FORWARDED_HOST).isEmpty()
                || !head.fieldLines(HttpSpec.X_FORWARDED_PORT).isEmpty();
    }

    public AddressSet trustedProxies() {
        return trustedProxies;
    }

    public ForwardedFields fields() {
        return fields;
    }

    /**
     * What the walk found: the client's node (null when the hop named none), the number of
     * trusted proxies, and the forwarded scheme ({@code true} for https), host and port, each
     * null when not forwarded.
     */
    record Hop(ForwardedClient.Source source, ForwardedNode client, int trustedHops, Boolean proto, Authority host,
            Integer port) {
    }

    /** The one {@code Host} of the request when it is a valid authority; else null (the container checks {@code Host}). */
    private static Authority hostField(RequestHead head) {
        List<String> lines = head.fieldLines(HttpSpec.HOST);
        if (lines.size() != 1) {
            return null;
        }
        try {
            return Authority.parse(lines.get(0).strip());
        } catch (WireFormatException e) {
            return null;
        }
    }

    private static IpAddress literalOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return IpAddress.parse(text);
        } catch (WireFormatException e) {
            return null;
        }
    }

    /** {@code http} or {@code https} (and {@code ws}, {@code wss}), in any case: whether it is secure. */
    static boolean secureScheme(String field, String proto) {
        switch (proto.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> {
                return false;
            }
            case "https", "wss" -> {
                return true;
            }
            default -> throw new FieldSyntaxException(field, "expected proto http or https but was \""
                    + OneLine.of(proto) + "\"");
        }
    }

    /** Reads {@code value} as {@code what} with {@code parser}, or fails with a 400 naming {@code field}. */
    static <T> T read(String field, String what, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (WireFormatException e) {
            throw new FieldSyntaxException(field, "expected " + what + " but was \"" + OneLine.of(value) + "\"");
        }
    }
}
