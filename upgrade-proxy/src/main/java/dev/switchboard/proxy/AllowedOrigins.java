package dev.switchboard.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages that may open a WebSocket through one tunnel route. A browser sends with every
 * WebSocket handshake the origin of the page that opens it (RFC 6455 section 4.1, RFC 6454
 * section 7), and sends the user's cookies whatever that page is. The tunnel forwards the
 * handshake before any WebSocket code of the gateway sees it, so it checks the origin itself:
 * an origin the route does not allow gets 403, and a page from another site cannot open a
 * tunnelled WebSocket in the user's name (cross-site WebSocket hijacking).
 *
 * <p>Entries, separated by whitespace:
 * <ul>
 *   <li>{@code same-origin}: the origin the request addresses, {@code https} on a secure
 *       connection, else {@code http}, with the request's {@code Host};</li>
 *   <li>an origin, {@code https://app.example.com} or {@code http://app.example.com:8080}: that
 *       origin exactly, a missing port being the scheme's default (80 for {@code http} and
 *       {@code ws}, 443 for {@code https} and {@code wss});</li>
 *   <li>a pattern, {@code https://*.example.com}, optionally with a port or {@code :*}: every
 *       name below {@code example.com}, not {@code example.com} itself;</li>
 *   <li>{@code null}: the opaque origin of sandboxed pages and {@code file:} URLs;</li>
 *   <li>{@code *}: any origin.</li>
 * </ul>
 * Schemes and hosts compare case-insensitively. The default, {@link #SAME_ORIGIN}, allows the
 * request's own origin only. Immutable and thread-safe.
 */
public final class AllowedOrigins {

    /** Entry: the request's own origin. */
    public static final String SAME_ORIGIN_ENTRY = "same-origin";

    /** The default: the request's own origin only. */
    public static final AllowedOrigins SAME_ORIGIN = new AllowedOrigins(true, false, false, List.of(), List.of(),
            SAME_ORIGIN_ENTRY);

    private static final String ANY = "*";
    private static final String OPAQUE = "null";

    private final boolean sameOrigin;
    private final boolean any;
    private final boolean opaque;
    private final List<SerializedOrigin> exact;
    private final List<SerializedOrigin> patterns;
    private final String spelled;

    private AllowedOrigins(boolean sameOrigin, boolean any, boolean opaque, List<SerializedOrigin> exact,
            List<SerializedOrigin> patterns, String spelled) {
        this.sameOrigin = sameOrigin;
        this.any = any;
        this.opaque = opaque;
        this.exact = List.copyOf(exact);
        this.patterns = List.copyOf(patterns);
        this.spelled = spelled;
    }

    /**
     * Parses whitespace-separated entries (see the class description); they replace the
     * default, so {@code same-origin} must be listed to keep the request's own origin.
     *
     * @throws IllegalArgumentException naming the first entry that is none of these, or if there is none
     */
    public static AllowedOrigins parse(String entries) {
        boolean sameOrigin = false;
        boolean any = false;
        boolean opaque = false;
        List<SerializedOrigin> exact = new ArrayList<>();
        List<SerializedOrigin> patterns = new ArrayList<>();
        String[] items = entries.strip().split("\\s+");
        for (String item : items) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("expected origins such as https://app.example.com or same-origin "
                        + "but was nothing");
            }
            if (item.equals(SAME_ORIGIN_ENTRY)) {
                sameOrigin = true;
            } else if (item.equals(ANY)) {
                any = true;
            } else if (item.equals(OPAQUE)) {
                opaque = true;
            } else if (item.contains("://*.")) {
                patterns.add(SerializedOrigin.parse(item.replace("://*.", "://"))
                        .filter(o -> !o.host().startsWith("[") && o.host().indexOf('*') < 0)
                        .orElseThrow(() -> invalid(item)));
            } else {
                exact.add(SerializedOrigin.parse(item).filter(o -> o.port() != SerializedOrigin.ANY_PORT)
                        .orElseThrow(() -> invalid(item)));
            }
        }
        return new AllowedOrigins(sameOrigin, any, opaque, exact, patterns, String.join(" ", items));
    }

    private static IllegalArgumentException invalid(String item) {
        return new IllegalArgumentException("expected same-origin, *, null, an origin such as https://app.example.com "
                + "or a pattern such as https://*.example.com but was \"" + item + "\"");
    }

    /**
     * Whether a handshake from {@code origin} may pass.
     *
     * @param origin the value of the request's {@code Origin} field
     * @param secure whether the request came over TLS
     * @param host the request's {@code Host}, or null
     */
    public boolean allows(String origin, boolean secure, String host) {
        if (any) {
            return true;
        }
        String value = origin.strip();
        if (value.equals(OPAQUE)) {
            return opaque;
        }
        SerializedOrigin o = SerializedOrigin.parse(value).filter(p -> p.port() != SerializedOrigin.ANY_PORT)
                .orElse(null);
        if (o == null) {
            return false;
        }
        if (exact.stream().anyMatch(o::sameAs) || patterns.stream().anyMatch(p -> p.coversSubdomain(o))) {
            return true;
        }
        return sameOrigin && host != null && SerializedOrigin.parse((secure ? "https://" : "http://") + host)
                .map(o::sameAs).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllowedOrigins other && spelled.equals(other.spelled);
    }

    @Override
    public int hashCode() {
        return spelled.hashCode();
    }

    /** The entries as configured. */
    @Override
    public String toString() {
        return spelled;
    }

    /**
     * {@code scheme "://" host [":" port]} (RFC 6454 section 6.2), scheme and host
     * lower-cased; a port of {@link #ANY_PORT} only in patterns ({@code :*}).
     */
    record SerializedOrigin(String scheme, String host, int port) {

        static final int ANY_PORT = -2;

        static Optional<SerializedOrigin> parse(String text) {
            int sep = text.indexOf("://");
            if (sep <= 0 || !isScheme(text.substring(0, sep))) {
                return Optional.empty();
            }
            String authority = text.substring(sep + 3);
            int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']') + 1)
                    : authority.indexOf(':');
            String host = colon < 0 ? authority : authority.substring(0, colon);
            int port = colon < 0 ? -1 : port(authority.substring(colon + 1));
            if (!isHost(host) || colon >= 0 && port == -1) {
                return Optional.empty();
            }
            return Optional.of(new SerializedOrigin(text.substring(0, sep).toLowerCase(Locale.ROOT),
                    host.toLowerCase(Locale.ROOT), port));
        }

        /** Same scheme, host and port, a missing port being the scheme's default. */
        boolean sameAs(SerializedOrigin other) {
            return scheme.equals(other.scheme) && host.equals(other.host) && effectivePort() == other.effectivePort();
        }

        /** As a pattern {@code scheme://*.host[:port]}: whether {@code other} is a name below this host. */
        boolean coversSubdomain(SerializedOrigin other) {
            return scheme.equals(other.scheme) && other.host.endsWith("." + host)
                    && (port == ANY_PORT || effectivePort() == other.effectivePort());
        }

        private int effectivePort() {
            if (port >= 0) {
                return port;
            }
            return switch (scheme) {
                case "http", "ws" -> 80;
                case "https", "wss" -> 443;
                default -> -1;
            };
        }

        /** 0..65535 in decimal, {@code *} for {@link #ANY_PORT}; -1 if neither. */
        private static int port(String text) {
            if (text.equals("*")) {
                return ANY_PORT;
            }
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int port = Integer.parseInt(text);
            return port <= 65535 ? port : -1;
        }

        private static boolean isScheme(String s) {
            return !s.isEmpty() && isAlpha(s.charAt(0))
                    && s.chars().allMatch(c -> isAlpha((char) c) || c >= '0' && c <= '9' || c == '+' || c == '-'
                            || c == '.');
        }

        /** A DNS name or IPv4 address, or an IPv6 literal in brackets; no user info, path or percent. */
        private static boolean isHost(String s) {
            if (s.startsWith("[")) {
                return s.length() > 2 && s.endsWith("]") && s.substring(1, s.length() - 1).chars()
                        .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
            }
            return !s.isEmpty() && s.chars().allMatch(c -> isAlpha((char) c) || c >= '0' && c <= '9' || c == '-'
                    || c == '.' || c == '_' || c == '~');
        }

        private static boolean isAlpha(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
    }
}
