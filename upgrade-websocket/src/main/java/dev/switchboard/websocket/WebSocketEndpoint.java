package dev.switchboard.websocket;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.switchboard.websocket.handshake.DeflatePolicy;
import dev.switchboard.websocket.handshake.ExtensionPolicy;
import dev.switchboard.websocket.handshake.OriginPolicy;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import dev.switchboard.websocket.internal.PathTemplate;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;

/**
 * A programmatic WebSocket endpoint for {@link WebSocketEndpoints}: its path, how to create an
 * {@link Endpoint} per session, and its policy. Switchboard validates each handshake, applies
 * the policy and upgrades the request itself with
 * {@code ServerContainer.upgradeHttpToWebSocket}; the endpoint is not deployed in the container.
 * Immutable.
 *
 * <pre>
 * WebSocketEndpoint chat = WebSocketEndpoint.builder("/ws/chat", ChatEndpoint.class)
 *         .name("chat")
 *         .subprotocols(SubprotocolPolicy.serverPreference("chat.v2", "chat.v1"))
 *         .allowOrigin("https://app.example.com")
 *         .build();
 * WebSocketEndpoint echo = WebSocketEndpoint.of("/ws/echo", EchoEndpoint.class);
 * </pre>
 */
public final class WebSocketEndpoint {

    private final String path;
    private final PathTemplate template;
    private final String name;
    private final Class<? extends Endpoint> type;
    private final Supplier<? extends Endpoint> factory;
    private final Consumer<EndpointPolicy.Builder> policy;
    private final List<Class<? extends Decoder>> decoders;
    private final List<Class<? extends Encoder>> encoders;
    private final Map<String, Object> userProperties;
    private final boolean delegated;

    private WebSocketEndpoint(Builder b) {
        this.path = b.path;
        this.template = b.template;
        this.name = b.name;
        this.type = b.type;
        this.factory = b.factory;
        this.policy = b.policy;
        this.decoders = List.copyOf(b.decoders);
        this.encoders = List.copyOf(b.encoders);
        this.userProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.userProperties));
        this.delegated = b.factory == null;
    }

    /** An endpoint with the default policy (and the {@code switchboard.websocket.*} parameters). */
    public static WebSocketEndpoint of(String path, Class<? extends Endpoint> type) {
        return builder(path, type).build();
    }

    /**
     * A builder for an endpoint whose sessions each get a new {@code type}, made with its public
     * no-argument constructor.
     *
     * @throws IllegalArgumentException if {@code path} is not a valid endpoint path
     */
    public static Builder builder(String path, Class<? extends Endpoint> type) {
        Objects.requireNonNull(type, "type");
        return new Builder(path, type, () -> instantiate(type));
    }

    /**
     * A builder for an endpoint whose sessions each get the {@link Endpoint} {@code factory}
     * returns (a new one each time, or a thread-safe shared one).
     *
     * @throws IllegalArgumentException if {@code path} is not a valid endpoint path
     */
    public static Builder builder(String path, Supplier<? extends Endpoint> factory) {
        Objects.requireNonNull(factory, "factory");
        return new Builder(path, Endpoint.class, factory);
    }

    /**
     * A builder for an endpoint that a framework further down the filter chain switches itself
     * (Spring's WebSocket support, say): Switchboard validates each handshake for it and applies
     * its policy (origin, authorization, subprotocol, open sessions) as for any endpoint, then
     * passes the request on. The framework's handshake must answer with what
     * {@link SwitchboardConfigurator} reports for it, and admit its sessions with
     * {@link WebSocketSessions#admit}.
     *
     * @throws IllegalArgumentException if {@code path} is not a valid endpoint path
     */
    public static Builder delegated(String path) {
        return new Builder(path, Endpoint.class, null);
    }

    private static Endpoint instantiate(Class<? extends Endpoint> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot create " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName()
                    + ": it needs a public no-argument constructor", e);
        }
    }

    /** The path, such as {@code /ws/chat} or {@code /rooms/{room}}, relative to the application. */
    public String path() {
        return path;
    }

    /** The parsed path. */
    public PathTemplate template() {
        return template;
    }

    /** The name for {@code switchboard.websocket.endpoint.<name>.*} parameters, or null. */
    public String name() {
        return name;
    }

    /** The endpoint class, or {@code Endpoint.class} when made by a factory. */
    public Class<? extends Endpoint> type() {
        return type;
    }

    /** Whether something further down the filter chain switches this endpoint ({@link #delegated(String)}). */
    public boolean delegated() {
        return delegated;
    }

    /**
     * A new endpoint for one session.
     *
     * @throws IllegalStateException for a {@linkplain #delegated(String) delegated} endpoint
     */
    public Endpoint newEndpoint() {
        if (delegated) {
            throw new IllegalStateException(path + " is switched further down the filter chain, not by Switchboard");
        }
        return Objects.requireNonNull(factory.get(), "the endpoint factory of " + path + " returned null");
    }

    /** The code's part of the policy, applied over the {@code switchboard.websocket.*} parameters. */
    public Consumer<EndpointPolicy.Builder> policy() {
        return policy;
    }

    public List<Class<? extends Decoder>> decoders() {
        return decoders;
    }

    public List<Class<? extends Encoder>> encoders() {
        return encoders;
    }

    /** User properties every session's configuration starts with. */
    public Map<String, Object> userProperties() {
        return userProperties;
    }

    @Override
    public String toString() {
        return "WebSocketEndpoint[" + path + (name == null ? "" : ", " + name) + ", "
                + (delegated ? "delegated" : type.getName()) + "]";
    }

    /** Builds a {@link WebSocketEndpoint}. */
    public static final class Builder {
        private final String path;
        private final PathTemplate template;
        private final Class<? extends Endpoint> type;
        private final Supplier<? extends Endpoint> factory;
        private String name;
        private Consumer<EndpointPolicy.Builder> policy = b -> { };
        private final List<Class<? extends Decoder>> decoders = new ArrayList<>();
        private final List<Class<? extends Encoder>> encoders = new ArrayList<>();
        private final Map<String, Object> userProperties = new LinkedHashMap<>();

        private Builder(String path, Class<? extends Endpoint> type, Supplier<? extends Endpoint> factory) {
            this.template = PathTemplate.parse(path);
            this.path = path;
            this.type = type;
            this.factory = factory;
        }

        /** A name, so that {@code switchboard.websocket.endpoint.<name>.*} parameters can override the code. */
        public Builder name(String endpointName) {
            this.name = endpointName;
            return this;
        }

        /** Changes the policy; several calls apply in order. */
        public Builder policy(Consumer<EndpointPolicy.Builder> change) {
            Consumer<EndpointPolicy.Builder> before = this.policy;
            Objects.requireNonNull(change, "change");
            this.policy = b -> {
                before.accept(b);
                change.accept(b);
            };
            return this;
        }

        /** Uses {@code whole} as the policy, ignoring the {@code switchboard.websocket.*} parameters. */
        public Builder policy(EndpointPolicy whole) {
            Objects.requireNonNull(whole, "whole");
            return policy(b -> b.origins(whole.origins()).subprotocols(whole.subprotocols())
                    .extensions(whole.extensions()).authorizer(whole.authorizer()).limits(whole.limits()));
        }

        public Builder subprotocols(SubprotocolPolicy subprotocols) {
            return policy(b -> b.subprotocols(subprotocols));
        }

        public Builder origins(OriginPolicy origins) {
            return policy(b -> b.origins(origins));
        }

        /** Allows one more origin besides the configured ones, exact or a pattern. */
        public Builder allowOrigin(String origin) {
            return policy(b -> b.allowOrigin(origin));
        }

        public Builder extensions(ExtensionPolicy extensions) {
            return policy(b -> b.extensions(extensions));
        }

        public Builder deflate(DeflatePolicy deflate) {
            return policy(b -> b.deflate(deflate));
        }

        public Builder authorizer(HandshakeAuthorizer authorizer) {
            return policy(b -> b.authorizer(authorizer));
        }

        public Builder limits(SessionLimits limits) {
            return policy(b -> b.limits(limits));
        }

        public Builder decoder(Class<? extends Decoder> decoder) {
            decoders.add(decoder);
            return this;
        }

        public Builder encoder(Class<? extends Encoder> encoder) {
            encoders.add(encoder);
            return this;
        }

        public Builder userProperty(String key, Object value) {
            userProperties.put(key, value);
            return this;
        }

        public WebSocketEndpoint build() {
            return new WebSocketEndpoint(this);
        }
    }
}
