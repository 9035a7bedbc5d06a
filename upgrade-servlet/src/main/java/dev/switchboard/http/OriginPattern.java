package dev.switchboard.http;

import java.util.Locale;


/**
 * An allowed origin given with a wildcard: {@code https://*.example.com} matches
 * {@code https://a.example.com} and {@code https://b.a.example.com} on the default port, but not
 * {@code https://example.com} itself, another scheme, or {@code https://evil-example.com}.
 * A port may be given ({@code https://*.example.com:8443}) or left open ({@code :*}).
 * Immutable.
 */
public final class OriginPattern {

    private static final int ANY_PORT = -2;

    private final String scheme;
    private final String suffix;
    private final int port;
    private final String spelled;

    private OriginPattern(String scheme, String suffix, int port, String spelled) {
        this.scheme = scheme;
        this.suffix = suffix;
        this.port = port;
        this.spelled = spelled;
    }

    /** Whether {@code text} is written as a pattern (it contains {@code *}). */
    public static boolean isPattern(String text) {
        return text.indexOf('*') >= 0;
    }

    /**
     * Parses {@code scheme://*.domain[:port|:*]}.
     *
     * @throws IllegalArgumentException if the text is not such a pattern
     */
    public static OriginPattern parse(String text) {
        String t = text.strip();
        int sep = t.indexOf("://*.");
        if (sep <= 0) {
            throw new IllegalArgumentException("expected an origin pattern such as https://*.example.com but was \""
                    + text + "\"");
        }
        String scheme = t.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = t.substring(sep + 5);
        int port = -1;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            String p = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            port = p.equals("*") ? ANY_PORT : parsePort(p, text);
        }
        Origin probe;
        try {
            probe = Origin.parse(scheme + "://x." + rest);
        } catch (FieldSyntaxException e) {
            throw new IllegalArgumentException("expected an origin pattern such as https://*.example.com but was \""
                    + text + "\"", e);
        }
        if (rest.indexOf('*') >= 0 || probe.port() >= 0) {
            throw new IllegalArgumentException("only one leading \"*.\" is allowed in origin pattern \"" + text + "\"");
        }
        return new OriginPattern(scheme, "." + rest.toLowerCase(Locale.ROOT), port, t);
    }

    private static int parsePort(String p, String text) {
        try {
            int n = Integer.parseInt(p);
            if (n >= 1 && n <= 65535 && !p.startsWith("0") && !p.startsWith("+")) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a port or * in origin pattern \"" + text + "\"");
    }

    /** Whether {@code origin} matches: same scheme, a host below the pattern's domain, the port allowed. */
    public boolean matches(Origin origin) {
        if (origin == null || origin.isOpaque() || !origin.scheme().equals(scheme)) {
            return false;
        }
        String host = origin.host();
        if (!host.endsWith(suffix) || host.length() == suffix.length() || host.startsWith("[")) {
            return false;
        }
        if (port == ANY_PORT) {
            return true;
        }
        int wanted = port >= 0 ? port : Origin.defaultPort(scheme);
        return origin.effectivePort() == wanted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OriginPattern other && spelled.equals(other.spelled);
    }

    @Override
    public int hashCode() {
        return spelled.hashCode();
    }

    @Override
    public String toString() {
        return spelled;
    }
}
