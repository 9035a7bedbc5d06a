package dev.switchboard.http;

import java.util.Optional;

/**
 * A {@code node} of RFC 7239 section 6: who sent a request to a proxy, as the proxy writes it
 * in {@code Forwarded: for=} (or {@code by=}) and, by the same grammar, in an item of
 * {@code X-Forwarded-For}.
 *
 * <pre>
 * node     = nodename [ ":" node-port ]
 * nodename = IPv4address / "[" IPv6address "]" / "unknown" / obfnode
 * obfnode  = "_" 1*( ALPHA / DIGIT / "." / "_" / "-" )
 * node-port = port / obfport          (obfport as obfnode)
 * </pre>
 *
 * <p>Also accepted, since a trusted proxy writes them and they are unambiguous: an IPv6
 * address without brackets and without port ({@code 2001:db8::1}, common in
 * {@code X-Forwarded-For}), and a zone on an IPv6 address. Immutable.
 */
public final class ForwardedNode {

    /** The node a proxy writes when it does not know the client (section 6.2). */
    public static final String UNKNOWN = "unknown";

    private static final String WHAT = "node";

    private final IpAddress address;
    private final String name;
    private final int port;

    private ForwardedNode(IpAddress address, String name, int port) {
        this.address = address;
        this.name = name;
        this.port = port;
    }

    /**
     * Parses a node.
     *
     * @throws WireFormatException (400) if {@code text} is not one
     */
    public static ForwardedNode parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new WireFormatException(WHAT, "expected an address, \"unknown\" or an obfuscated name but was empty");
        }
        String nodename = text;
        String portText = null;
        if (text.charAt(0) == '[') {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid(text, "expected ']' after an IPv6 address");
            }
            nodename = text.substring(0, close + 1);
            if (close + 1 < text.length()) {
                if (text.charAt(close + 1) != ':') {
                    throw invalid(text, "expected ':' and a port after ']'");
                }
                portText = text.substring(close + 2);
            }
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0) {
            nodename = text.substring(0, text.indexOf(':'));
            portText = text.substring(text.indexOf(':') + 1);
        }
        int port = portText == null ? -1 : port(text, portText);
        if (nodename.equalsIgnoreCase(UNKNOWN)) {
            return new ForwardedNode(null, UNKNOWN, port);
        }
        if (nodename.startsWith("_")) {
            requireObfuscated(text, nodename);
            return new ForwardedNode(null, nodename, port);
        }
        try {
            return new ForwardedNode(IpAddress.parse(nodename), null, port);
        } catch (WireFormatException e) {
            throw invalid(text, "expected an IP address, \"unknown\" or an obfuscated name starting with '_'");
        }
    }

    /** {@code unknown}: a client the proxy could not name (section 6.2). */
    public static ForwardedNode unknown() {
        return new ForwardedNode(null, UNKNOWN, -1);
    }

    /** The node of a client at {@code address}, with {@code port} or -1 for none. */
    public static ForwardedNode of(IpAddress address, int port) {
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("expected a port from 1 to 65535 or -1 but was " + port);
        }
        return new ForwardedNode(address, null, port);
    }

    /** The address, when the node is one (not {@code unknown} nor obfuscated). */
    public Optional<IpAddress> address() {
        return Optional.ofNullable(address);
    }

    /** Whether the proxy hid the client: {@code unknown} or an obfuscated name. */
    public boolean isHidden() {
        return address == null;
    }

    /** The port, or -1 when none was given or it was obfuscated. */
    public int port() {
        return port;
    }

    /**
     * The node as RFC 7239 writes it: {@code 192.0.2.43:47011}, {@code [2001:db8::17]}, or
     * the name; an IPv6 zone is left out, since the grammar has no place for it. Put it in
     * quotes in a {@code Forwarded} field when it holds {@code :} or {@code [}.
     */
    @Override
    public String toString() {
        String nodename = address == null ? name : address.toUriString();
        return port < 0 ? nodename : nodename + ':' + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardedNode other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static int port(String text, String digits) {
        if (digits.startsWith("_")) {
            requireObfuscated(text, digits);
            return -1;
        }
        int port = digits.isEmpty() || digits.length() > 5 ? -1 : 0;
        for (int i = 0; i < digits.length() && port >= 0; i++) {
            char c = digits.charAt(i);
            port = c >= '0' && c <= '9' ? port * 10 + (c - '0') : -1;
        }
        if (port < 1 || port > 65535) {
            throw invalid(text, "expected a port from 1 to 65535 or an obfuscated port after ':'");
        }
        return port;
    }

    private static void requireObfuscated(String text, String s) {
        boolean ok = s.length() > 1;
        for (int i = 1; i < s.length() && ok; i++) {
            char c = s.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-';
        }
        if (!ok) {
            throw invalid(text, "expected '_' followed by letters, digits, '.', '_' or '-'");
        }
    }

    private static WireFormatException invalid(String text, String problem) {
        return new WireFormatException(WHAT, problem + " but was \"" + OneLine.of(text) + "\"");
    }
}
