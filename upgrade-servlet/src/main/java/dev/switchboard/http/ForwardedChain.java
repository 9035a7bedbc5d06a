package dev.switchboard.http;

import java.util.List;

import dev.switchboard.http.ForwardedClientResolver.Hop;

/**
 * The two walks of {@link ForwardedClientResolver} over a request whose peer is trusted: one
 * over {@code Forwarded} elements, one over {@code X-Forwarded-*} items. Each reads only the
 * hops written by trusted proxies, nearest first. Stateless.
 */
final class ForwardedChain {

    private static final String NODE = "an IP address, \"unknown\" or an obfuscated node";

    private ForwardedChain() {
    }

    /** Walks the elements of {@code forwarded}, newest (nearest) first. */
    static Hop walkForwarded(Forwarded forwarded, AddressSet trusted) {
        List<Forwarded.Element> elements = forwarded.elements();
        int i = elements.size() - 1;
        ForwardedNode client = forNode(elements.get(i));
        while (i > 0 && isTrusted(client, trusted)) {
            i--;
            client = forNode(elements.get(i));
        }
        Forwarded.Element hop = elements.get(i);
        Boolean proto = hop.proto()
                .map(p -> ForwardedClientResolver.secureScheme(HttpSpec.FORWARDED, p)).orElse(null);
        Authority host = hop.host()
                .map(h -> ForwardedClientResolver.read(HttpSpec.FORWARDED, "a host", h, Authority::parse)).orElse(null);
        return new Hop(ForwardedClient.Source.FORWARDED, client, elements.size() - i, proto, host, null);
    }

    /**
     * Walks {@code X-Forwarded-For} right to left and reads {@code -Proto}, {@code -Host} and
     * {@code -Port} at the client's distance from the right; {@code direct} when the request has
     * none of the four fields.
     */
    static Hop walkXForwarded(RequestHead head, AddressSet trusted, Hop direct) {
        List<String> chain = items(head, HttpSpec.X_FORWARDED_FOR);
        List<String> protos = items(head, HttpSpec.X_FORWARDED_PROTO);
        List<String> hosts = items(head, HttpSpec.X_FORWARDED_HOST);
        List<String> ports = items(head, HttpSpec.X_FORWARDED_PORT);
        if (chain.isEmpty() && protos.isEmpty() && hosts.isEmpty() && ports.isEmpty()) {
            return direct;
        }
        int i = chain.size() - 1;
        ForwardedNode client = i < 0 ? direct.client() : xffNode(chain.get(i));
        while (i > 0 && isTrusted(client, trusted)) {
            i--;
            client = xffNode(chain.get(i));
        }
        int back = chain.isEmpty() ? 0 : chain.size() - 1 - i;
        String proto = aligned(protos, back);
        String host = aligned(hosts, back);
        String port = aligned(ports, back);
        return new Hop(ForwardedClient.Source.X_FORWARDED, client, back + 1,
                proto == null ? null : ForwardedClientResolver.secureScheme(HttpSpec.X_FORWARDED_PROTO, proto),
                host == null ? null : ForwardedClientResolver.read(HttpSpec.X_FORWARDED_HOST, "a host", host,
                        Authority::parse),
                port == null ? null : ForwardedClientResolver.read(HttpSpec.X_FORWARDED_PORT,
                        "a port from 1 to 65535", port, Authority::parsePort));
    }

    private static boolean isTrusted(ForwardedNode node, AddressSet trusted) {
        return node != null && node.address().map(trusted::contains).orElse(false);
    }

    /** The element's {@code for}, or null when it has none. */
    private static ForwardedNode forNode(Forwarded.Element element) {
        return element.forNode()
                .map(f -> ForwardedClientResolver.read(HttpSpec.FORWARDED, NODE + " in for=", f, ForwardedNode::parse))
                .orElse(null);
    }

    private static ForwardedNode xffNode(String item) {
        return ForwardedClientResolver.read(HttpSpec.X_FORWARDED_FOR, NODE, item, ForwardedNode::parse);
    }

    /** The item {@code back} places from the right, or the leftmost when there are fewer; null when none. */
    private static String aligned(List<String> items, int back) {
        if (items.isEmpty()) {
            return null;
        }
        return items.get(Math.max(0, items.size() - 1 - back));
    }

    /** The comma-separated items of every line of {@code name}: neither quoted nor holding control characters. */
    private static List<String> items(RequestHead head, String name) {
        List<String> lines = head.fieldLines(name);
        if (lines.isEmpty()) {
            return List.of();
        }
        return FieldReader.parseList(name, lines, false, ForwardedChain::item);
    }

    private static String item(FieldReader r) {
        int start = r.offset();
        int end = start;
        while (r.peek() >= 0 && r.peek() != ',') {
            int c = r.peek();
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw r.error("a visible character");
            }
            r.consume((char) c);
            if (c != ' ' && c != '\t') {
                end = r.offset();
            }
        }
        return r.text(start, end);
    }
}
