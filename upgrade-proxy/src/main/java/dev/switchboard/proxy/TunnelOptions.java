package dev.switchboard.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.OptionValues;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.Settings;

/**
 * The settings of one {@link TunnelFilter}. Immutable; build with {@link #builder()} or read
 * from init-params and context params with {@link #from(Settings)}. Each option, with its
 * default, range and meaning, is declared once in {@link TunnelDeclarations}, which both read;
 * the README's tables are generated from there.
 */
public final class TunnelOptions {

    /** Routes, {@code prefix -> URL}; no routes: no tunnel. */
    public static final String ROUTES = "switchboard.proxy.routes";
    public static final String CONNECT = "switchboard.proxy.connect";
    public static final String CONNECT_TIMEOUT = "switchboard.proxy.connectTimeout";
    public static final String RESPONSE_TIMEOUT = "switchboard.proxy.responseTimeout";
    public static final String MAX_TUNNELS = "switchboard.proxy.maxTunnels";
    public static final String MAX_RESPONSE_HEAD_SIZE = "switchboard.proxy.maxResponseHeadSize";
    /** Prefix of the tunnel's handler limits: {@code switchboard.proxy.idleTimeout} and so on. */
    public static final String HANDLER_PREFIX = "switchboard.proxy";
    /** Origins that may open a WebSocket through a route (see {@link AllowedOrigins}). */
    public static final String ORIGINS = "switchboard.proxy.origins";
    public static final String FORWARDING = "switchboard.proxy.forwarding";
    public static final String VIA = "switchboard.proxy.via";
    public static final String PRESERVE_HOST = "switchboard.proxy.preserveHost";
    public static final String TRUST_STORE = "switchboard.proxy.trustStore";
    public static final String TRUST_STORE_PASSWORD = "switchboard.proxy.trustStorePassword";
    public static final String TRUST_STORE_TYPE = "switchboard.proxy.trustStoreType";

    /** The value of {@link #VIA} that adds no {@code Via}. */
    private static final String NO_VIA = "none";

    private final OptionValues values;
    private final HandlerOptions handlerOptions;
    private final SSLContext sslContext;

    private TunnelOptions(Builder b) {
        this.values = b.values.build();
        this.handlerOptions = b.handlerOptions.withFirstByteTimeout(Duration.ZERO);
        this.sslContext = b.sslContext;
    }

    public static Builder builder() {
        return new Builder(OptionValues.builder());
    }

    /**
     * Reads every option from {@code settings}; the trust store options give the TLS context.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static TunnelOptions from(Settings settings) {
        OptionValues values = TunnelDeclarations.SHARED.readInto(TunnelDeclarations.GROUP.read(settings).toBuilder(),
                settings, TunnelDeclarations.SHARED.prefix()).build();
        Builder b = new Builder(values.toBuilder()).handlerOptions(HandlerOptions.from(settings, HANDLER_PREFIX));
        String trustStore = values.get(TunnelDeclarations.TRUST_STORE);
        if (trustStore != null) {
            b.sslContext(TrustStores.sslContext(TRUST_STORE, trustStore, values.get(TunnelDeclarations.TRUST_STORE_TYPE),
                    values.get(TunnelDeclarations.TRUST_STORE_PASSWORD)));
        }
        return b.build();
    }

    /** The routes, first match wins; empty means the tunnel is off. */
    public List<Route> routes() {
        return values.get(TunnelDeclarations.ROUTES);
    }

    /** The first route whose prefix matches {@code pathInContext}. */
    public Optional<Route> route(String pathInContext) {
        return routes().stream().filter(r -> r.matches(pathInContext)).findFirst();
    }

    /** The origins that may open a WebSocket through {@code route}: as configured, else same-origin. */
    public AllowedOrigins origins(Route route) {
        return values.get(TunnelDeclarations.ORIGINS).stream().filter(e -> e.getKey().equals(route.prefix()))
                .map(Map.Entry::getValue).findFirst().orElse(AllowedOrigins.SAME_ORIGIN);
    }

    public ConnectPolicy connectPolicy() {
        return values.get(TunnelDeclarations.CONNECT);
    }

    public Duration connectTimeout() {
        return values.get(TunnelDeclarations.CONNECT_TIMEOUT);
    }

    public Duration responseTimeout() {
        return values.get(TunnelDeclarations.RESPONSE_TIMEOUT);
    }

    public int maxTunnels() {
        return values.get(TunnelDeclarations.MAX_TUNNELS);
    }

    public int maxResponseHeadSize() {
        return values.get(TunnelDeclarations.MAX_RESPONSE_HEAD_SIZE);
    }

    /** Content an upgrade request may carry; it is read whole and forwarded with its length. */
    public int maxContentLength() {
        return values.get(TunnelDeclarations.MAX_CONTENT_LENGTH);
    }

    /**
     * Limits of the client side of each tunnel: idle timeout, read size and queued output.
     * The first-byte timeout is always off: in a tunnel either side may speak first.
     */
    public HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    public ForwardingFields forwarding() {
        return values.get(TunnelDeclarations.FORWARDING);
    }

    /** The {@code received-by} name for {@code Via}, or empty to add none. */
    public Optional<String> via() {
        String via = values.get(TunnelDeclarations.VIA);
        return via.equalsIgnoreCase(NO_VIA) ? Optional.empty() : Optional.of(via);
    }

    public boolean preserveHost() {
        return values.get(TunnelDeclarations.PRESERVE_HOST);
    }

    /** TLS for {@code https://} backends; hostname verification is always on. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean jmx() {
        return values.get(TunnelDeclarations.JMX);
    }

    /**
     * Builds {@link TunnelOptions}; every option starts at its declared default, and a setter
     * refuses, naming the parameter, what the parameter would refuse.
     */
    public static final class Builder {
        private final OptionValues.Builder values;
        private HandlerOptions handlerOptions = HandlerOptions.DEFAULT;
        private SSLContext sslContext;

        private Builder(OptionValues.Builder values) {
            this.values = values;
        }

        /** Adds a route from {@code prefix} to the URL {@code backend} (see {@link Route}). */
        public Builder route(String prefix, String backend) {
            return route(Route.of(prefix, backend));
        }

        public Builder route(Route route) {
            return routes(List.of(Objects.requireNonNull(route)));
        }

        public Builder routes(List<Route> list) {
            List<Route> all = new ArrayList<>(values.get(TunnelDeclarations.ROUTES));
            all.addAll(list);
            values.set(TunnelDeclarations.ROUTES, List.copyOf(all));
            return this;
        }

        /**
         * The origins that may open a WebSocket through the route with {@code prefix}, instead
         * of same-origin; the route must be added too, before {@link #build()}.
         */
        public Builder origins(String prefix, AllowedOrigins allowed) {
            List<Map.Entry<String, AllowedOrigins>> all = new ArrayList<>(values.get(TunnelDeclarations.ORIGINS));
            all.removeIf(e -> e.getKey().equals(prefix));
            all.add(Map.entry(prefix, allowed));
            values.set(TunnelDeclarations.ORIGINS, List.copyOf(all));
            return this;
        }

        public Builder connectPolicy(ConnectPolicy policy) {
            values.set(TunnelDeclarations.CONNECT, policy);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            values.set(TunnelDeclarations.CONNECT_TIMEOUT, d);
            return this;
        }

        public Builder responseTimeout(Duration d) {
            values.set(TunnelDeclarations.RESPONSE_TIMEOUT, d);
            return this;
        }

        public Builder maxTunnels(int n) {
            values.set(TunnelDeclarations.MAX_TUNNELS, n);
            return this;
        }

        public Builder maxResponseHeadSize(int bytes) {
            values.set(TunnelDeclarations.MAX_RESPONSE_HEAD_SIZE, bytes);
            return this;
        }

        public Builder maxContentLength(int bytes) {
            values.set(TunnelDeclarations.MAX_CONTENT_LENGTH, bytes);
            return this;
        }

        /** Idle timeout, read size and queued-output limit of each tunnel's client side. */
        public Builder handlerOptions(HandlerOptions options) {
            this.handlerOptions = Objects.requireNonNull(options);
            return this;
        }

        public Builder forwarding(ForwardingFields fields) {
            values.set(TunnelDeclarations.FORWARDING, fields);
            return this;
        }

        /** The {@code received-by} name in {@code Via}, or null to add no {@code Via}. */
        public Builder via(String receivedBy) {
            values.set(TunnelDeclarations.VIA, receivedBy == null ? NO_VIA : receivedBy);
            return this;
        }

        public Builder preserveHost(boolean preserve) {
            values.set(TunnelDeclarations.PRESERVE_HOST, preserve);
            return this;
        }

        /** TLS for {@code https://} backends (trust material); default: the JVM's default context. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder jmx(boolean enabled) {
            values.set(TunnelDeclarations.JMX, enabled);
            return this;
        }

        /**
         * @throws IllegalArgumentException naming {@link #ORIGINS} if origins are given for a
         *     prefix that is no route's
         */
        public TunnelOptions build() {
            List<Route> routes = values.get(TunnelDeclarations.ROUTES);
            for (Map.Entry<String, AllowedOrigins> e : values.get(TunnelDeclarations.ORIGINS)) {
                if (routes.stream().noneMatch(r -> r.prefix().equals(e.getKey()))) {
                    throw InvalidOptionException.expected(ORIGINS, "the prefix of a route in " + ROUTES, e.getKey());
                }
            }
            return new TunnelOptions(this);
        }
    }
}
