package dev.switchboard.http;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code host [":" port]}: the value of {@code Host} (RFC 9110 section 7.2), the authority of
 * an {@code Origin}, a {@code Forwarded} {@code host=} or {@code X-Forwarded-Host}, and, with
 * the port required, the target of {@code CONNECT} (RFC 9112 section 3.2.3).
 *
 * <p>The host is one of RFC 3986 section 3.2.2:
 * <ul>
 *   <li>an IPv6 address in brackets ({@code [2001:db8::1]}), kept in its RFC 5952 form; a
 *       zone ({@code [fe80::1%25eth0]}, RFC 6874) and {@code IPvFuture} are refused;</li>
 *   <li>an IPv4 address, or a name made of letters, digits and {@code -._~!$&'()*+,;=},
 *       lower-cased. Percent-encoding and {@code userinfo@} are refused, and so is a name
 *       whose last label is a number but which is not a dotted-quad IPv4 address
 *       ({@code 127.1}, {@code 0177.0.0.1}): URL parsers read those as addresses.</li>
 * </ul>
 * The port is 1 to 5 digits with a value from 1 to 65535. An empty port ({@code host:},
 * allowed by RFC 3986) is refused: no sender needs it and some readers would take it as 0.
 * Two authorities are equal when host and port are; {@code example.com} and
 * {@code example.com:80} are not (compare {@link #portOr} for that). Immutable.
 */
public final class Authority {

    private static final String WHAT = "authority";
    private static final String NAME_CHARS = "-._~!$&'()*+,;=";

    private final String host;
    private final IpAddress address;
    private final int port;

    private Authority(String host, IpAddress address, int port) {
        this.host = host;
        this.address = address;
        this.port = port;
    }

    /**
     * Parses {@code host} or {@code host:port}.
     *
     * @throws WireFormatException (400) if the text is not an authority as described above
     */
    public static Authority parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new WireFormatException(WHAT, "expected host [\":\" port] but was empty");
        }
        int hostEnd;
        IpAddress address = null;
        String host;
        if (text.charAt(0) == '[') {
            hostEnd = text.indexOf(']');
            if (hostEnd < 0) {
                throw invalid(text, "expected ']' after an IPv6 address");
            }
            String inside = text.substring(1, hostEnd);
            if (inside.indexOf('%') >= 0 || inside.startsWith("v") || inside.startsWith("V")) {
                throw invalid(text, "expected an IPv6 address without zone in brackets");
            }
            address = ipv6(text, inside);
            hostEnd++;
            host = address.toUriString();
        } else {
            hostEnd = text.indexOf(':');
            hostEnd = hostEnd < 0 ? text.length() : hostEnd;
            host = name(text, hostEnd);
            address = endsInNumber(host) ? ipv4(text, host) : null;
        }
        int port = -1;
        if (hostEnd < text.length()) {
            if (text.charAt(hostEnd) != ':') {
                throw invalid(text, "expected ':' or the end after the host");
            }
            port = port(text, hostEnd + 1);
        }
        return new Authority(host, address, port);
    }

    /**
     * Parses {@code host:port} with the port required, as a {@code CONNECT} target is written.
     *
     * @throws WireFormatException (400) if the text is not an authority or has no port
     */
    public static Authority parseWithPort(String text) {
        Authority a = parse(text);
        if (a.port < 0) {
            throw invalid(text, "expected host \":\" port");
        }
        return a;
    }

    /**
     * The authority of {@code host} (a name, an IPv4 address or a bracketed IPv6 address) and
     * {@code port}, or no port when {@code port} is -1.
     *
     * @throws WireFormatException (400) if {@code host} is not a host or {@code port} is out of range
     */
    public static Authority of(String host, int port) {
        Authority a = parse(host);
        if (a.port >= 0) {
            throw invalid(host, "expected a host without a port");
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new WireFormatException(WHAT, "expected a port from 1 to 65535 but was " + port);
        }
        return new Authority(a.host, a.address, port);
    }

    /**
     * The authority of an IP address, written in brackets when it is IPv6 (its zone left out),
     * and {@code port}, or no port when {@code port} is -1.
     *
     * @throws IllegalArgumentException if {@code port} is neither -1 nor 1..65535
     */
    public static Authority of(IpAddress address, int port) {
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("expected a port from 1 to 65535 or -1 but was " + port);
        }
        IpAddress unzoned = address.withoutZone();
        return new Authority(unzoned.toUriString(), unzoned, port);
    }

    /** The host as a URI writes it: a name or IPv4 address lower-cased, or an IPv6 address in brackets. */
    public String host() {
        return host;
    }

    /** The host's address when it is an IP literal. */
    public Optional<IpAddress> address() {
        return Optional.ofNullable(address);
    }

    /** The port, or -1 when none was written. */
    public int port() {
        return port;
    }

    public boolean hasPort() {
        return port >= 0;
    }

    /** The port, or {@code defaultPort} when none was written (80 for {@code http}, say). */
    public int portOr(int defaultPort) {
        return port >= 0 ? port : defaultPort;
    }

    /** {@code host} or {@code host:port}. */
    @Override
    public String toString() {
        return port < 0 ? host : host + ':' + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Authority other && port == other.port && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return host.hashCode() * 31 + port;
    }

    private static String name(String text, int end) {
        if (end == 0) {
            throw invalid(text, "expected a host before ':'");
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || NAME_CHARS.indexOf(c) >= 0;
            if (!ok) {
                throw invalid(text, "expected letters, digits and -._~!$&'()*+,;= in the host, not "
                        + (c == '%' ? "percent-encoding" : c == '@' ? "user information" : "'" + OneLine.of(String.valueOf(c)) + "'"));
            }
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static IpAddress ipv6(String text, String inside) {
        try {
            return IpAddress.parse("[" + inside + "]");
        } catch (WireFormatException e) {
            throw invalid(text, "expected an IPv6 address in brackets");
        }
    }

    /**
     * Whether the last label of a name is all digits. No top-level domain is (RFC 3696
     * section 2), and URL parsers read such a host as an IPv4 address in any of several
     * notations ({@code 127.1}, {@code 0177.0.0.1}), so it must be a plain dotted quad.
     */
    private static boolean endsInNumber(String host) {
        int end = host.endsWith(".") ? host.length() - 1 : host.length();
        int start = host.lastIndexOf('.', end - 1) + 1;
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IpAddress ipv4(String text, String host) {
        try {
            return IpAddress.parse(host);
        } catch (WireFormatException e) {
            throw invalid(text, "expected a dotted-quad IPv4 address for a host that ends in a number");
        }
    }

    /**
     * A port alone: 1 to 5 digits, from 1 to 65535.
     *
     * @throws WireFormatException (400) if {@code digits} is not one
     */
    public static int parsePort(String digits) {
        return port(digits, 0);
    }

    private static int port(String text, int from) {
        int digits = text.length() - from;
        int port = digits < 1 || digits > 5 ? -1 : 0;
        for (int i = from; i < text.length() && port >= 0; i++) {
            char c = text.charAt(i);
            port = c >= '0' && c <= '9' ? port * 10 + (c - '0') : -1;
        }
        if (port < 1 || port > 65535) {
            throw invalid(text, "expected a port from 1 to 65535" + (from > 0 ? " after ':'" : ""));
        }
        return port;
    }

    private static WireFormatException invalid(String text, String problem) {
        return new WireFormatException(WHAT, problem + " but was \"" + OneLine.of(text) + "\"");
    }
}
