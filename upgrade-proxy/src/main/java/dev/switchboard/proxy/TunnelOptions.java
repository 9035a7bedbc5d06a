package dev.switchboard.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.Settings;

/**
 * The settings of one {@link TunnelFilter}. Immutable; build with {@link #builder()} or read
 * from init-params and context params with {@link #from(Settings)}. The module README lists
 * every option with its default.
 */
public final class TunnelOptions {

    /** Routes, {@code prefix -> URL}, separated by commas or line breaks. No routes: no tunnel. */
    public static final String ROUTES = "switchboard.proxy.routes";
    /** {@code host:port} pairs that CONNECT may reach; default none (every CONNECT gets 403). */
    public static final String CONNECT = "switchboard.proxy.connect";
    /** Time to open the backend connection before answering 504 (default 5s). */
    public static final String CONNECT_TIMEOUT = "switchboard.proxy.connectTimeout";
    /**
     * Deadline, from the moment the backend connection is made, for everything before the switch:
     * TLS handshake, request, response head (else 504), and the whole of a relayed answer other
     * than 101 (else it is cut). Default 30s.
     */
    public static final String RESPONSE_TIMEOUT = "switchboard.proxy.responseTimeout";
    /** Open tunnels, and handshakes in progress, before answering 503 (default 1000). */
    public static final String MAX_TUNNELS = "switchboard.proxy.maxTunnels";
    /** Largest backend response head, in bytes, before answering 502 (default 8KiB). */
    public static final String MAX_RESPONSE_HEAD_SIZE = "switchboard.proxy.maxResponseHeadSize";
    /** Prefix of the tunnel's handler limits: {@code switchboard.proxy.idleTimeout} and so on. */
    public static final String HANDLER_PREFIX = "switchboard.proxy";
    /** Origins that may open a WebSocket through a route: {@code prefix -> entries}; default same-origin (see {@link AllowedOrigins}). */
    public static final String ORIGINS = "switchboard.proxy.origins";
    /** Fields describing the client: {@code none}, {@code forwarded}, {@code x-forwarded}, {@code both} (default). */
    public static final String FORWARDING = "switchboard.proxy.forwarding";
    /** The {@code received-by} name in {@code Via} (default {@code switchboard}); {@code none} adds no Via. */
    public static final String VIA = "switchboard.proxy.via";
    /** Whether the client's {@code Host} goes to the backend (default false: the backend URL's authority). */
    public static final String PRESERVE_HOST = "switchboard.proxy.preserveHost";
    /** Trust store for {@code https://} backends (default: the JVM's trusted certificates). */
    public static final String TRUST_STORE = "switchboard.proxy.trustStore";
    /** Password of {@link #TRUST_STORE}, if it has one. */
    public static final String TRUST_STORE_PASSWORD = "switchboard.proxy.trustStorePassword";
    /** Type of {@link #TRUST_STORE} (default {@code PKCS12}). */
    public static final String TRUST_STORE_TYPE = "switchboard.proxy.trustStoreType";

    private final List<Route> routes;
    private final Map<String, AllowedOrigins> origins;
    private final ConnectPolicy connectPolicy;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxTunnels;
    private final int maxResponseHeadSize;
    private final int maxContentLength;
    private final HandlerOptions handlerOptions;
    private final ForwardingFields forwarding;
    private final String via;
    private final boolean preserveHost;
    private final SSLContext sslContext;
    private final boolean jmx;

    private TunnelOptions(Builder b) {
        this.routes = List.copyOf(b.routes);
        this.origins = Map.copyOf(b.origins);
        this.connectPolicy = b.connectPolicy;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxTunnels = b.maxTunnels;
        this.maxResponseHeadSize = b.maxResponseHeadSize;
        this.maxContentLength = b.maxContentLength;
        this.handlerOptions = b.handlerOptions.withFirstByteTimeout(Duration.ZERO);
        this.forwarding = b.forwarding;
        this.via = b.via;
        this.preserveHost = b.preserveHost;
        this.sslContext = b.sslContext;
        this.jmx = b.jmx;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every option from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static TunnelOptions from(Settings settings) {
        return TunnelSettings.read(settings);
    }

    /** The routes, first match wins; empty means the tunnel is off. */
    public List<Route> routes() {
        return routes;
    }

    /** The first route whose prefix matches {@code pathInContext}. */
    public Optional<Route> route(String pathInContext) {
        for (Route r : routes) {
            if (r.matches(pathInContext)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The origins that may open a WebSocket through {@code route}: as configured, else same-origin. */
    public AllowedOrigins origins(Route route) {
        return origins.getOrDefault(route.prefix(), AllowedOrigins.SAME_ORIGIN);
    }

    public ConnectPolicy connectPolicy() {
        return connectPolicy;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public int maxTunnels() {
        return maxTunnels;
    }

    public int maxResponseHeadSize() {
        return maxResponseHeadSize;
    }

    /** Content an upgrade request may carry; it is read whole and forwarded with its length. */
    public int maxContentLength() {
        return maxContentLength;
    }

    /**
     * Limits of the client side of each tunnel: idle timeout, read size and queued output.
     * The first-byte timeout is always off: in a tunnel either side may speak first.
     */
    public HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    public ForwardingFields forwarding() {
        return forwarding;
    }

    /** The {@code received-by} name for {@code Via}, or empty to add none. */
    public Optional<String> via() {
        return Optional.ofNullable(via);
    }

    public boolean preserveHost() {
        return preserveHost;
    }

    /** TLS for {@code https://} backends; hostname verification is always on. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean jmx() {
        return jmx;
    }

    /** Builds {@link TunnelOptions}; every setter has the default named in the README. */
    public static final class Builder {
        static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
        static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
        static final int MAX_TUNNELS = 1000;
        static final int MAX_RESPONSE_HEAD_SIZE = 8 * 1024;
        static final int MAX_CONTENT_LENGTH = 64 * 1024;
        static final String VIA = "switchboard";

        private final List<Route> routes = new ArrayList<>();
        private final Map<String, AllowedOrigins> origins = new LinkedHashMap<>();
        private ConnectPolicy connectPolicy = ConnectPolicy.none();
        private Duration connectTimeout = CONNECT_TIMEOUT;
        private Duration responseTimeout = RESPONSE_TIMEOUT;
        private int maxTunnels = MAX_TUNNELS;
        private int maxResponseHeadSize = MAX_RESPONSE_HEAD_SIZE;
        private int maxContentLength = MAX_CONTENT_LENGTH;
        private HandlerOptions handlerOptions = HandlerOptions.DEFAULT;
        private ForwardingFields forwarding = ForwardingFields.BOTH;
        private String via = VIA;
        private boolean preserveHost;
        private SSLContext sslContext;
        private boolean jmx = true;

        private Builder() {
        }

        /** Adds a route from {@code prefix} to the URL {@code backend} (see {@link Route}). */
        public Builder route(String prefix, String backend) {
            return route(Route.of(prefix, backend));
        }

        public Builder route(Route route) {
            routes.add(Objects.requireNonNull(route));
            return this;
        }

        public Builder routes(List<Route> list) {
            routes.addAll(list);
            return this;
        }

        /**
         * The origins that may open a WebSocket through the route with {@code prefix}, instead
         * of same-origin; the route must be added too, before {@link #build()}.
         */
        public Builder origins(String prefix, AllowedOrigins allowed) {
            origins.put(Objects.requireNonNull(prefix, "prefix"), Objects.requireNonNull(allowed, "allowed"));
            return this;
        }

        public Builder connectPolicy(ConnectPolicy policy) {
            this.connectPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = requirePositive("connectTimeout", d);
            return this;
        }

        public Builder responseTimeout(Duration d) {
            this.responseTimeout = requirePositive("responseTimeout", d);
            return this;
        }

        public Builder maxTunnels(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("expected maxTunnels >= 1 but was " + n);
            }
            this.maxTunnels = n;
            return this;
        }

        public Builder maxResponseHeadSize(int bytes) {
            if (bytes < 256) {
                throw new IllegalArgumentException("expected maxResponseHeadSize >= 256 but was " + bytes);
            }
            this.maxResponseHeadSize = bytes;
            return this;
        }

        public Builder maxContentLength(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("expected maxContentLength >= 0 but was " + bytes);
            }
            this.maxContentLength = bytes;
            return this;
        }

        /** Idle timeout, read size and queued-output limit of each tunnel's client side. */
        public Builder handlerOptions(HandlerOptions options) {
            this.handlerOptions = Objects.requireNonNull(options);
            return this;
        }

        public Builder forwarding(ForwardingFields fields) {
            this.forwarding = Objects.requireNonNull(fields);
            return this;
        }

        /** The {@code received-by} name in {@code Via}, or null to add no {@code Via}. */
        public Builder via(String receivedBy) {
            this.via = receivedBy;
            return this;
        }

        public Builder preserveHost(boolean preserve) {
            this.preserveHost = preserve;
            return this;
        }

        /** TLS for {@code https://} backends (trust material); default: the JVM's default context. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder jmx(boolean enabled) {
            this.jmx = enabled;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming {@link #ORIGINS} if origins are given for a
         *     prefix that is no route's
         */
        public TunnelOptions build() {
            for (String prefix : origins.keySet()) {
                if (routes.stream().noneMatch(r -> r.prefix().equals(prefix))) {
                    throw Settings.invalid(ORIGINS, "the prefix of a route in " + ROUTES, prefix);
                }
            }
            return new TunnelOptions(this);
        }

        private static Duration requirePositive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("expected " + name + " above zero but was " + d);
            }
            return d;
        }
    }
}
