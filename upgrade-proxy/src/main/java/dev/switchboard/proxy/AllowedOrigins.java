package dev.switchboard.proxy;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.Origin;
import dev.switchboard.http.OriginPattern;

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
 * Origins and patterns are read by the wire model's {@link Origin} and {@link OriginPattern},
 * as the WebSocket origin check reads them; schemes and hosts compare case-insensitively. The default, {@link #SAME_ORIGIN}, allows the
 * request's own origin only. Immutable and thread-safe.
 */
public final class AllowedOrigins {

    /** Entry: the request's own origin. */
    public static final String SAME_ORIGIN_ENTRY = "same-origin";

    /** The default: the request's own origin only. */
    public static final AllowedOrigins SAME_ORIGIN = new AllowedOrigins(true, false, false, List.of(), List.of(),
            SAME_ORIGIN_ENTRY);

    private static final String ANY = "*";

    private final boolean sameOrigin;
    private final boolean any;
    private final boolean opaque;
    private final List<Origin> exact;
    private final List<OriginPattern> patterns;
    private final String spelled;

    private AllowedOrigins(boolean sameOrigin, boolean any, boolean opaque, List<Origin> exact,
            List<OriginPattern> patterns, String spelled) {
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
        List<Origin> exact = new ArrayList<>();
        List<OriginPattern> patterns = new ArrayList<>();
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
            } else if (item.equals(HttpSpec.NULL_ORIGIN)) {
                opaque = true;
            } else if (OriginPattern.isPattern(item)) {
                patterns.add(pattern(item));
            } else {
                exact.add(origin(item));
            }
        }
        return new AllowedOrigins(sameOrigin, any, opaque, exact, patterns, String.join(" ", items));
    }

    private static OriginPattern pattern(String item) {
        try {
            return OriginPattern.parse(item);
        } catch (IllegalArgumentException e) {
            throw invalid(item);
        }
    }

    private static Origin origin(String item) {
        Origin origin = parseOrNull(item);
        if (origin == null || origin.isOpaque()) {
            throw invalid(item);
        }
        return origin;
    }

    /** The origin {@code value} serializes, or null if it is none. */
    private static Origin parseOrNull(String value) {
        try {
            return Origin.parse(value);
        } catch (FieldSyntaxException e) {
            return null;
        }
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
        Origin o = parseOrNull(origin.strip());
        if (o == null) {
            return false;
        }
        if (o.isOpaque()) {
            return opaque;
        }
        if (exact.stream().anyMatch(o::sameOrigin) || patterns.stream().anyMatch(p -> p.matches(o))) {
            return true;
        }
        return sameOrigin && o.sameOrigin(Origin.of(secure ? "https" : "http", host));
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
}
