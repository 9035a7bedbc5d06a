package dev.switchboard.tls.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.Forwarded;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.FieldReader;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides how a request reached the application (TLS-09):
 * <ol>
 *   <li>over this module's RFC 2817 bridge, recognised by its socket (see
 *       {@link BridgeRegistry}): secure;</li>
 *   <li>from a trusted proxy, when its {@code Forwarded} ({@code proto}, {@code for},
 *       {@code host}) or, without that, {@code X-Forwarded-Proto}/{@code -For}/{@code -Port}
 *       says so: the forwarded scheme, port and client. Chains of trusted proxies are walked
 *       from the nearest hop back to the first address that is not trusted;</li>
 *   <li>otherwise as the container says; forwarding fields from anyone else are ignored.</li>
 * </ol>
 * Thread-safe.
 */
public final class TransportResolver {

    private final BridgeRegistry bridges;
    private final AddressSet trustedProxies;

    public TransportResolver(BridgeRegistry bridges, AddressSet trustedProxies) {
        this.bridges = bridges;
        this.trustedProxies = trustedProxies;
    }

    /**
     * @throws HttpStatusException (400) if a trusted proxy sent a malformed forwarding field
     */
    public Transport resolve(HttpServletRequest request) {
        BridgeRegistry.Entry bridge = bridges.find(request);
        if (bridge != null) {
            return new Transport(Transport.Source.BRIDGE, true, request.getScheme(), request.getServerPort(),
                    bridge.clientAddress(), bridge.clientPort(), bridge.session());
        }
        if (trustedProxies.isEmpty() || !trustedProxies.contains(request.getRemoteAddr())) {
            return Transport.container(request);
        }
        List<String> forwarded = lines(request, HttpSpec.FORWARDED);
        if (!forwarded.isEmpty()) {
            return fromForwarded(request, Forwarded.parse(forwarded));
        }
        return fromXForwarded(request);
    }

    private Transport fromForwarded(HttpServletRequest request, Forwarded forwarded) {
        List<Forwarded.Element> hops = forwarded.elements();
        int i = hops.size() - 1;
        while (i > 0 && trustedProxies.contains(node(hops.get(i).forNode().orElse(null)))) {
            i--;
        }
        Forwarded.Element hop = hops.get(i);
        String proto = hop.proto().orElse(null);
        for (int j = i + 1; proto == null && j < hops.size(); j++) {
            proto = hops.get(j).proto().orElse(null);
        }
        String client = node(hop.forNode().orElse(null));
        int clientPort = nodePort(hop.forNode().orElse(null));
        int explicitPort = hop.host().map(TransportResolver::authorityPort).orElse(-1);
        return proxied(request, proto, HttpSpec.FORWARDED, client, clientPort, explicitPort);
    }

    private Transport fromXForwarded(HttpServletRequest request) {
        List<String> chain = items(request, HttpSpec.X_FORWARDED_FOR);
        List<String> protos = items(request, HttpSpec.X_FORWARDED_PROTO);
        if (chain.isEmpty() && protos.isEmpty()) {
            return Transport.container(request);
        }
        int i = chain.size() - 1;
        while (i > 0 && trustedProxies.contains(node(chain.get(i)))) {
            i--;
        }
        int hopsBack = chain.isEmpty() ? 0 : chain.size() - 1 - i;
        String proto = protos.isEmpty() ? null : protos.get(Math.max(0, protos.size() - 1 - hopsBack));
        String client = i >= 0 ? node(chain.get(i)) : null;
        int explicitPort = -1;
        List<String> ports = items(request, HttpSpec.X_FORWARDED_PORT);
        if (!ports.isEmpty()) {
            explicitPort = port(ports.get(Math.max(0, ports.size() - 1 - hopsBack)));
            if (explicitPort < 0) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                        "X-Forwarded-Port from a trusted proxy is not a port: " + ports);
            }
        }
        return proxied(request, proto, HttpSpec.X_FORWARDED_PROTO, client, -1, explicitPort);
    }

    private static Transport proxied(HttpServletRequest request, String proto, String field, String client,
            int clientPort, int explicitPort) {
        boolean secure;
        String scheme;
        if (proto == null) {
            secure = request.isSecure();
            scheme = request.getScheme();
        } else if (proto.equalsIgnoreCase("https")) {
            secure = true;
            scheme = "https";
        } else if (proto.equalsIgnoreCase("http")) {
            secure = false;
            scheme = "http";
        } else {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                    field + " from a trusted proxy names protocol \"" + proto + "\"; expected http or https");
        }
        // As Tomcat's RemoteIpValve does: a forwarded scheme brings its default port unless a
        // port was forwarded too; the Host field may well name the proxy's view of this server.
        int port = explicitPort;
        if (port < 0) {
            port = proto == null ? request.getServerPort() : secure ? 443 : 80;
        }
        String address = client != null ? client : request.getRemoteAddr();
        int remotePort = client != null ? clientPort : request.getRemotePort();
        return new Transport(Transport.Source.PROXY, secure, scheme, port, address, remotePort, null);
    }

    /** The address of a {@code node} (RFC 7239 section 6): an IP literal, or null when obfuscated or unknown. */
    static String node(String node) {
        if (node == null) {
            return null;
        }
        String s = node.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            s = close < 0 ? s : s.substring(1, close);
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        byte[] bytes = IpAddresses.parse(s);
        return bytes == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int nodePort(String node) {
        if (node == null) {
            return -1;
        }
        int close = node.lastIndexOf(']');
        int colon = node.lastIndexOf(':');
        if (colon > close && (close >= 0 || node.indexOf(':') == colon)) {
            return port(node.substring(colon + 1));
        }
        return -1;
    }

    /** The explicit port of an authority ({@code host:port}, {@code [v6]:port}), or -1. */
    static int authorityPort(String authority) {
        if (authority == null) {
            return -1;
        }
        int close = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        if (colon <= close || (close < 0 && authority.indexOf(':') != colon)) {
            return -1;
        }
        return port(authority.substring(colon + 1));
    }

    private static int port(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int p = Integer.parseInt(t);
        return p >= 1 && p <= 65535 ? p : -1;
    }

    private static List<String> lines(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        return Collections.list(values);
    }

    /** The comma-separated items of every line of {@code name}; quoting is not used by these fields. */
    private static List<String> items(HttpServletRequest request, String name) {
        List<String> lines = lines(request, name);
        if (lines.isEmpty()) {
            return List.of();
        }
        try {
            return FieldReader.parseList(name, lines, false, TransportResolver::item);
        } catch (FieldSyntaxException e) {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, e.getMessage() + " (from a trusted proxy)");
        }
    }

    private static String item(FieldReader r) {
        StringBuilder out = new StringBuilder();
        while (r.peek() >= 0 && r.peek() != ',') {
            char c = (char) r.peek();
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw r.error("printable character");
            }
            out.append(c);
            r.consume(c);
        }
        String s = out.toString().trim();
        if (s.isEmpty()) {
            throw r.error("list element");
        }
        return s;
    }
}
