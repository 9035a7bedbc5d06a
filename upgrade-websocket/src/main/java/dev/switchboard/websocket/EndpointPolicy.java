package dev.switchboard.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.handshake.DeflatePolicy;
import dev.switchboard.websocket.handshake.ExtensionPolicy;
import dev.switchboard.websocket.handshake.OriginPolicy;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;

/**
 * Everything Switchboard decides for one WebSocket endpoint: who may connect (origin,
 * authorization), what is agreed (subprotocol, extensions) and how its sessions are bounded.
 * Immutable; build with {@link #builder()}.
 *
 * <p>The same option names are read from web.xml (context-params or the filter's init-params:
 * {@code switchboard.websocket.<option>} for every endpoint, {@code
 * switchboard.websocket.endpoint.<name>.<option>} for one), from {@link WebSocketPolicy} and,
 * in code, through {@link Builder}; {@link Builder#apply(Settings, String)} is the one place
 * where text becomes policy. Layers apply in this order, later ones winning: the defaults, the
 * {@code switchboard.websocket.*} parameters, the annotation or code, then the endpoint's own
 * {@code switchboard.websocket.endpoint.<name>.*} parameters.
 */
public final class EndpointPolicy {

    /** List: allowed origins ({@code same-origin}, {@code null}, {@code *}, exact origins, {@code https://*.example.com}); default {@code same-origin}. */
    public static final String ORIGINS = "origins";
    /** Boolean: refuse handshakes without {@code Origin}; default false. */
    public static final String REQUIRE_ORIGIN = "requireOrigin";
    /** List: proxy addresses or CIDR ranges whose {@code Forwarded}/{@code X-Forwarded-*} fields are believed; default none. */
    public static final String TRUSTED_PROXIES = "trustedProxies";
    /** List: supported subprotocols in the server's order of preference; default none (annotated endpoints: the annotation's). */
    public static final String SUBPROTOCOLS = "subprotocols";
    /** {@code client-preference} (default) or {@code server-preference}. */
    public static final String SUBPROTOCOL_SELECTION = "subprotocolSelection";
    /** Boolean: refuse handshakes that agree on no subprotocol with 400; default false. */
    public static final String SUBPROTOCOL_REQUIRED = "subprotocolRequired";
    /** List: allowed extensions, or {@code none}; default {@code permessage-deflate}. */
    public static final String EXTENSIONS = "extensions";
    /** Boolean: accept permessage-deflate; default true. */
    public static final String PERMESSAGE_DEFLATE = "permessageDeflate";
    /** Boolean: require {@code server_no_context_takeover}; default false. */
    public static final String SERVER_NO_CONTEXT_TAKEOVER = "serverNoContextTakeover";
    /** Boolean: require {@code client_no_context_takeover}; default false. */
    public static final String CLIENT_NO_CONTEXT_TAKEOVER = "clientNoContextTakeover";
    /** Integer 8..15: the window asked of clients that offer {@code client_max_window_bits}; default: not asked. */
    public static final String CLIENT_MAX_WINDOW_BITS = "clientMaxWindowBits";
    /** {@code none} (default), {@code authenticated}, or the class name of a {@link HandshakeAuthorizer}. */
    public static final String AUTH = "auth";
    /** List: roles, one of which an authenticated user must have (implies {@code authenticated}); default none. */
    public static final String ROLES = "roles";
    /** The {@code WWW-Authenticate} challenge sent with a 401; default {@code Basic realm="websocket"}. */
    public static final String AUTH_CHALLENGE = "authChallenge";
    /** Integer: open sessions at once, 0 for no limit; default 10000. */
    public static final String MAX_SESSIONS = "maxSessions";
    /** Duration: close sessions idle this long with 1001, 0 for never; default 5m. */
    public static final String IDLE_TIMEOUT = "idleTimeout";
    /** Size: largest whole message, closing with 1009 beyond it; default 8KiB. */
    public static final String MAX_MESSAGE_SIZE = "maxMessageSize";

    /** The challenge sent with a 401 unless configured. */
    public static final String DEFAULT_CHALLENGE = "Basic realm=\"websocket\"";

    /** The defaults: same-origin, no subprotocol, permessage-deflate, no authorization, {@link SessionLimits#DEFAULT}. */
    public static final EndpointPolicy DEFAULT = builder().build();

    private final OriginPolicy origins;
    private final SubprotocolPolicy subprotocols;
    private final ExtensionPolicy extensions;
    private final HandshakeAuthorizer authorizer;
    private final SessionLimits limits;

    private EndpointPolicy(Builder b) {
        this.origins = b.origins;
        this.subprotocols = b.subprotocols;
        this.extensions = b.extensions;
        this.authorizer = b.authorizer;
        this.limits = b.limits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy, to change parts of it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.origins = origins;
        b.subprotocols = subprotocols;
        b.extensions = extensions;
        b.authorizer = authorizer;
        b.limits = limits;
        return b;
    }

    /**
     * The defaults overridden by the {@code switchboard.websocket.*} parameters.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static EndpointPolicy from(Settings settings) {
        return builder().apply(settings, WebSocketOptions.PREFIX).build();
    }

    public OriginPolicy origins() {
        return origins;
    }

    public SubprotocolPolicy subprotocols() {
        return subprotocols;
    }

    public ExtensionPolicy extensions() {
        return extensions;
    }

    public HandshakeAuthorizer authorizer() {
        return authorizer;
    }

    public SessionLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "EndpointPolicy[" + origins + ", " + subprotocols + ", " + extensions + ", auth " + authorizer + ", "
                + limits + "]";
    }

    /** Builds an {@link EndpointPolicy}; every part starts at its default. */
    public static final class Builder {
        private OriginPolicy origins = OriginPolicy.SAME_ORIGIN_ONLY;
        private SubprotocolPolicy subprotocols = SubprotocolPolicy.none();
        private ExtensionPolicy extensions = ExtensionPolicy.DEFAULT;
        private HandshakeAuthorizer authorizer = HandshakeAuthorizer.ALLOW_ALL;
        private SessionLimits limits = SessionLimits.DEFAULT;
        private String challenge = DEFAULT_CHALLENGE;

        private Builder() {
        }

        public Builder origins(OriginPolicy policy) {
            this.origins = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Allows one more origin, exact or a pattern such as {@code https://*.example.com}. */
        public Builder allowOrigin(String origin) {
            this.origins = origins.toBuilder().allow(origin).build();
            return this;
        }

        public Builder subprotocols(SubprotocolPolicy policy) {
            this.subprotocols = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Keeps the subprotocol selection and requirement, supporting {@code supported} instead. */
        public Builder supportedSubprotocols(List<String> supported) {
            this.subprotocols = subprotocols.withSupported(supported);
            return this;
        }

        public Builder extensions(ExtensionPolicy policy) {
            this.extensions = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Sets the permessage-deflate terms; {@link DeflatePolicy#DISABLED} turns compression off. */
        public Builder deflate(DeflatePolicy policy) {
            this.extensions = extensions.withDeflate(policy);
            return this;
        }

        public Builder authorizer(HandshakeAuthorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        public Builder limits(SessionLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder maxSessions(int n) {
            this.limits = limits.withMaxSessions(n);
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.limits = limits.withIdleTimeout(timeout);
            return this;
        }

        public Builder maxMessageSize(int bytes) {
            this.limits = limits.withMaxMessageSize(bytes);
            return this;
        }

        /**
         * Overrides the options present in {@code settings} under {@code prefix} (such as
         * {@code switchboard.websocket.}); absent ones keep their current value. This is how
         * web.xml parameters and {@link WebSocketPolicy} attributes become policy.
         *
         * @throws IllegalArgumentException naming the parameter, if a value is invalid
         */
        public Builder apply(Settings settings, String prefix) {
            PolicySettings.apply(this, settings, prefix);
            return this;
        }

        OriginPolicy currentOrigins() {
            return origins;
        }

        SubprotocolPolicy currentSubprotocols() {
            return subprotocols;
        }

        ExtensionPolicy currentExtensions() {
            return extensions;
        }

        SessionLimits currentLimits() {
            return limits;
        }

        /** The challenge that {@code authenticated} and {@code roles} use; kept across layers. */
        String challenge() {
            return challenge;
        }

        void challenge(String value) {
            this.challenge = value;
        }

        public EndpointPolicy build() {
            return new EndpointPolicy(this);
        }
    }
}
