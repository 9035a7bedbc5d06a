package dev.switchboard.http;

import java.util.Locale;
import java.util.Objects;


/**
 * A serialized origin, the value of {@code Origin} (RFC 6454 sections 6.2 and 7): either
 * {@code null} (an opaque origin, such as a sandboxed page or a {@code file:} URL) or
 * {@code scheme "://" host [ ":" port ]} with no path, user info or trailing slash, the
 * authority read as {@link Authority} reads it (an IPv6 literal in its RFC 5952 form, a port
 * from 1 to 65535).
 *
 * <p>Scheme and host are kept lower-cased; two origins are the same when scheme, host and
 * effective port are equal, the default port of {@code http}/{@code ws} being 80 and of
 * {@code https}/{@code wss} 443. Immutable.
 *
 * <pre>
 * https://App.Example.com:443   equals   https://app.example.com
 * </pre>
 */
public final class Origin {

    private static final Origin OPAQUE = new Origin(null, null, -1);

    private final String scheme;
    private final String host;
    private final int port;

    private Origin(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
    }

    /** The opaque origin, serialized as {@code null}. */
    public static Origin opaque() {
        return OPAQUE;
    }

    /**
     * Parses an {@code Origin} value.
     *
     * @throws FieldSyntaxException (400) if it is neither {@code null} nor one serialized origin
     */
    public static Origin parse(String value) {
        if (HttpSpec.NULL_ORIGIN.equals(value)) {
            return OPAQUE;
        }
        int sep = value.indexOf("://");
        if (sep <= 0) {
            throw invalid(value, "expected scheme \"://\" host [\":\" port] or null");
        }
        String scheme = value.substring(0, sep);
        if (!isScheme(scheme)) {
            throw invalid(value, "the scheme is not valid");
        }
        Authority authority;
        try {
            authority = Authority.parse(value.substring(sep + 3));
        } catch (WireFormatException e) {
            throw invalid(value, "expected host [\":\" port] after the scheme, with no path");
        }
        return new Origin(scheme.toLowerCase(Locale.ROOT), authority.host(), authority.port());
    }

    /**
     * The origin of a resource at {@code scheme://authority}, for example the one a request
     * addresses ({@code http} and its {@code Host}).
     *
     * @return null if {@code authority} is not {@code host [":" port]}
     */
    public static Origin of(String scheme, String authority) {
        if (authority == null || !isScheme(scheme)) {
            return null;
        }
        Authority a;
        try {
            a = Authority.parse(authority);
        } catch (WireFormatException e) {
            return null;
        }
        return new Origin(scheme.toLowerCase(Locale.ROOT), a.host(), a.port());
    }

    public boolean isOpaque() {
        return scheme == null;
    }

    /** The scheme, lower-cased; null when opaque. */
    public String scheme() {
        return scheme;
    }

    /** The host, lower-cased, IPv6 literals in brackets; null when opaque. */
    public String host() {
        return host;
    }

    /** The port as written, or -1 when none was written. */
    public int port() {
        return port;
    }

    /** The port as written, else the scheme's default (80 or 443), else -1. */
    public int effectivePort() {
        if (port >= 0) {
            return port;
        }
        return defaultPort(scheme);
    }

    /** Whether this origin and {@code other} are the same origin (RFC 6454 section 5). */
    public boolean sameOrigin(Origin other) {
        if (other == null || isOpaque() || other.isOpaque()) {
            return false;
        }
        return scheme.equals(other.scheme) && host.equals(other.host) && effectivePort() == other.effectivePort();
    }

    /** The serialization: {@code null} or {@code scheme://host[:port]}. */
    public String serialize() {
        if (isOpaque()) {
            return HttpSpec.NULL_ORIGIN;
        }
        return port < 0 ? scheme + "://" + host : scheme + "://" + host + ':' + port;
    }

    static int defaultPort(String scheme) {
        if (scheme == null) {
            return -1;
        }
        switch (scheme) {
            case "http":
            case "ws":
                return 80;
            case "https":
            case "wss":
                return 443;
            default:
                return -1;
        }
    }

    private static boolean isScheme(String s) {
        if (s == null || s.isEmpty() || !isAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static FieldSyntaxException invalid(String value, String problem) {
        return new FieldSyntaxException(HttpSpec.ORIGIN, problem + " in \"" + OneLine.of(value) + "\"");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Origin other)) {
            return false;
        }
        if (isOpaque() || other.isOpaque()) {
            return isOpaque() && other.isOpaque();
        }
        return sameOrigin(other);
    }

    @Override
    public int hashCode() {
        return isOpaque() ? 0 : Objects.hash(scheme, host, effectivePort());
    }

    @Override
    public String toString() {
        return serialize();
    }
}
