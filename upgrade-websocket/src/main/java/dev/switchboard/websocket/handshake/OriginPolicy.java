package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.Origin;
import dev.switchboard.http.OriginPattern;

/**
 * Which origins may open a WebSocket to an endpoint (RFC 6455 sections 4.2.1 item 8 and 10.2,
 * conformance WS-11). A browser sends the origin of the page that opens the connection; a
 * handshake from any other origin is refused with {@code 403} before endpoint code runs, so
 * that a hostile page cannot ride on the user's cookies (cross-site WebSocket hijacking).
 *
 * <p>The default is same-origin: the {@code Origin} must equal the origin the request
 * addresses, its scheme ({@code https} over TLS, else {@code http}) and its {@code Host}. Behind
 * proxies, the scheme and host are those the client used as the context's trusted proxies
 * report them ({@link ForwardedClient}, resolved once for the TLS policy, this check and the
 * tunnel alike: {@code switchboard.trustedProxies}). On top of that, exact origins and
 * patterns such as {@code https://*.example.com} may be allowed; the opaque origin {@code null}
 * is refused unless allowed; {@code *} allows any origin. A handshake without {@code Origin}
 * (non-browser clients) is allowed unless {@link Builder#requireOrigin(boolean)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class OriginPolicy {

    /** Configuration entry: allow the request's own origin. */
    public static final String SAME_ORIGIN = "same-origin";
    /** Configuration entry: allow any origin. */
    public static final String ANY = "*";

    /** Same-origin only, {@code null} refused. */
    public static final OriginPolicy SAME_ORIGIN_ONLY = builder().build();

    private final boolean sameOrigin;
    private final boolean allowAny;
    private final boolean allowNull;
    private final boolean requireOrigin;
    private final List<Origin> exact;
    private final List<OriginPattern> patterns;

    private OriginPolicy(Builder b) {
        this.sameOrigin = b.sameOrigin;
        this.allowAny = b.allowAny;
        this.allowNull = b.allowNull;
        this.requireOrigin = b.requireOrigin;
        this.exact = List.copyOf(b.exact);
        this.patterns = List.copyOf(b.patterns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sameOrigin = sameOrigin;
        b.allowAny = allowAny;
        b.allowNull = allowNull;
        b.requireOrigin = requireOrigin;
        b.exact.addAll(exact);
        b.patterns.addAll(patterns);
        return b;
    }

    /**
     * Checks a handshake's origin.
     *
     * @param origin the handshake's {@code Origin}, or null when it has none
     * @param client the request's client as the context resolved it, for the request's own origin
     * @throws HandshakeException (403) if the origin is not allowed
     */
    public void check(Origin origin, ForwardedClient client) {
        if (origin == null) {
            if (requireOrigin) {
                throw forbidden("no-origin", "This endpoint requires an Origin field");
            }
            return;
        }
        if (allowAny) {
            return;
        }
        if (origin.isOpaque()) {
            if (allowNull) {
                return;
            }
            throw forbidden("null-origin", "Origin null (a sandboxed page or a file: URL) is not allowed");
        }
        if (exact.contains(origin)) {
            return;
        }
        for (OriginPattern p : patterns) {
            if (p.matches(origin)) {
                return;
            }
        }
        Origin self = sameOrigin ? requestOrigin(client) : null;
        if (self != null && origin.sameOrigin(self)) {
            return;
        }
        String why = sameOrigin
                ? "it is not this server's origin (" + (self == null ? "unknown" : self.serialize()) + ")"
                        + (exact.isEmpty() && patterns.isEmpty() ? "" : " and not on the allow-list")
                : "it is not on the allow-list";
        throw forbidden("origin", "Origin " + origin.serialize() + " is not allowed: " + why);
    }

    /**
     * The origin the request addresses: the scheme and host the client used.
     *
     * @return null when the host cannot be determined
     */
    public static Origin requestOrigin(ForwardedClient client) {
        return client.host().map(host -> Origin.of(client.scheme(), host.toString())).orElse(null);
    }

    private static HandshakeException forbidden(String kind, String reason) {
        return new HandshakeException(HttpSpec.SC_FORBIDDEN, kind, reason);
    }

    public boolean sameOrigin() {
        return sameOrigin;
    }

    public boolean allowAny() {
        return allowAny;
    }

    public boolean allowNull() {
        return allowNull;
    }

    public boolean requireOrigin() {
        return requireOrigin;
    }

    /** Origins allowed exactly, besides same-origin. */
    public List<Origin> exact() {
        return exact;
    }

    public List<OriginPattern> patterns() {
        return patterns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OriginPolicy other && sameOrigin == other.sameOrigin && allowAny == other.allowAny
                && allowNull == other.allowNull && requireOrigin == other.requireOrigin && exact.equals(other.exact)
                && patterns.equals(other.patterns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sameOrigin, allowAny, allowNull, requireOrigin, exact, patterns);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (allowAny) {
            parts.add(ANY);
        }
        if (sameOrigin) {
            parts.add(SAME_ORIGIN);
        }
        if (allowNull) {
            parts.add("null");
        }
        exact.forEach(o -> parts.add(o.serialize()));
        patterns.forEach(p -> parts.add(p.toString()));
        return "OriginPolicy" + parts + (requireOrigin ? " origin required" : "");
    }

    /** Builds an {@link OriginPolicy}; starts as same-origin only. */
    public static final class Builder {
        private boolean sameOrigin = true;
        private boolean allowAny;
        private boolean allowNull;
        private boolean requireOrigin;
        private final List<Origin> exact = new ArrayList<>();
        private final List<OriginPattern> patterns = new ArrayList<>();

        private Builder() {
        }

        /**
         * Replaces the allowed origins with {@code entries}: {@code same-origin}, {@code null},
         * {@code *}, exact origins ({@code https://app.example.com}) and patterns
         * ({@code https://*.example.com}).
         *
         * @throws IllegalArgumentException naming the entry that is none of these
         */
        public Builder origins(List<String> entries) {
            sameOrigin = false;
            allowAny = false;
            allowNull = false;
            exact.clear();
            patterns.clear();
            for (String entry : entries) {
                String e = entry.strip();
                if (e.equals(SAME_ORIGIN)) {
                    sameOrigin = true;
                } else if (e.equals(ANY)) {
                    allowAny = true;
                } else if (e.equals(WebSocketSpec.NULL_ORIGIN)) {
                    allowNull = true;
                } else if (OriginPattern.isPattern(e)) {
                    patterns.add(OriginPattern.parse(e));
                } else {
                    allow(e);
                }
            }
            return this;
        }

        /** Whether the request's own origin is allowed (default true). */
        public Builder sameOrigin(boolean allowed) {
            this.sameOrigin = allowed;
            return this;
        }

        /**
         * Allows one more origin, exact ({@code https://app.example.com}) or a pattern
         * ({@code https://*.example.com}).
         *
         * @throws IllegalArgumentException if it is neither
         */
        public Builder allow(String origin) {
            if (OriginPattern.isPattern(origin)) {
                patterns.add(OriginPattern.parse(origin));
                return this;
            }
            Origin parsed;
            try {
                parsed = Origin.parse(origin.strip());
            } catch (FieldSyntaxException e) {
                throw new IllegalArgumentException("expected an origin such as https://app.example.com but was \""
                        + origin + "\"", e);
            }
            if (parsed.isOpaque()) {
                allowNull = true;
            } else {
                exact.add(parsed);
            }
            return this;
        }

        /** Whether any origin is allowed (default false). */
        public Builder allowAny(boolean any) {
            this.allowAny = any;
            return this;
        }

        /** Whether the opaque origin {@code null} is allowed (default false). */
        public Builder allowNull(boolean allowed) {
            this.allowNull = allowed;
            return this;
        }

        /** Whether a handshake without {@code Origin} is refused (default false: non-browser clients send none). */
        public Builder requireOrigin(boolean required) {
            this.requireOrigin = required;
            return this;
        }

        public OriginPolicy build() {
            return new OriginPolicy(this);
        }
    }
}
