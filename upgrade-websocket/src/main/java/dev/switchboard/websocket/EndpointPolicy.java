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
 * <p>The options ({@link EndpointDeclarations}) are read from web.xml (context-params or the
 * filter's init-params: {@code switchboard.websocket.<option>} for every endpoint, {@code
 * switchboard.websocket.endpoint.<name>.<option>} for one), from {@link WebSocketPolicy} and,
 * in code, through {@link Builder}, whose setters refuse what the parameters refuse;
 * {@link Builder#apply(Settings, String)} is the one place where text becomes policy. Layers
 * apply in this order, later ones winning: the defaults, the
 * {@code switchboard.websocket.*} parameters, the annotation or code, then the endpoint's own
 * {@code switchboard.websocket.endpoint.<name>.*} parameters.
 */
public final class EndpointPolicy {

    // The option keys; each is declared, with its type, default and meaning, in EndpointDeclarations.
    public static final String ORIGINS = "origins";
    public static final String REQUIRE_ORIGIN = "requireOrigin";
    public static final String SUBPROTOCOLS = "subprotocols";
    public static final String SUBPROTOCOL_SELECTION = "subprotocolSelection";
    public static final String SUBPROTOCOL_REQUIRED = "subprotocolRequired";
    public static final String EXTENSIONS = "extensions";
    public static final String PERMESSAGE_DEFLATE = "permessageDeflate";
    public static final String SERVER_NO_CONTEXT_TAKEOVER = "serverNoContextTakeover";
    public static final String CLIENT_NO_CONTEXT_TAKEOVER = "clientNoContextTakeover";
    public static final String CLIENT_MAX_WINDOW_BITS = "clientMaxWindowBits";
    public static final String AUTH = "auth";
    public static final String ROLES = "roles";
    public static final String AUTH_CHALLENGE = "authChallenge";
    public static final String MAX_SESSIONS = "maxSessions";
    public static final String IDLE_TIMEOUT = "idleTimeout";
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

        /** @throws IllegalArgumentException naming the option a limit is out of range for */
        public Builder limits(SessionLimits limits) {
            EndpointDeclarations.MAX_SESSIONS.check(limits.maxSessions());
            EndpointDeclarations.IDLE_TIMEOUT.check(limits.idleTimeout());
            EndpointDeclarations.MAX_MESSAGE_SIZE.check(limits.maxMessageSize());
            this.limits = limits;
            return this;
        }

        public Builder maxSessions(int n) {
            this.limits = limits.withMaxSessions(EndpointDeclarations.MAX_SESSIONS.check(n));
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.limits = limits.withIdleTimeout(EndpointDeclarations.IDLE_TIMEOUT.check(timeout));
            return this;
        }

        public Builder maxMessageSize(int bytes) {
            this.limits = limits.withMaxMessageSize(EndpointDeclarations.MAX_MESSAGE_SIZE.check(bytes));
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
