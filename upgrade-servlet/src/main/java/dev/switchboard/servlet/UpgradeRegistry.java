package dev.switchboard.servlet;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletContext;

/**
 * The protocols of one web application, keyed by their tokens, and its counters. Protocols
 * registered here are offered by every {@link UpgradeFilter} of the application, in
 * registration order where two answer to the same token.
 *
 * <pre>
 * UpgradeRegistry.of(servletContext).register(new EchoProtocol());
 * </pre>
 *
 * <p>Register from a {@code ServletContextListener}, a {@code ServletContainerInitializer}, or
 * at any later time: filters pick up changes with the next request. Thread-safe.
 */
public final class UpgradeRegistry {

    /** The servlet-context attribute under which the registry is kept. */
    public static final String ATTRIBUTE = UpgradeRegistry.class.getName();

    private final CopyOnWriteArrayList<UpgradeProtocol> protocols = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<RoutedProtocol> routes = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private final UpgradeStatistics statistics;

    private UpgradeRegistry(String contextName) {
        this.statistics = new UpgradeStatistics(contextName);
    }

    /** The registry of {@code context}, created on first use. */
    public static UpgradeRegistry of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof UpgradeRegistry registry) {
                return registry;
            }
            UpgradeRegistry registry = new UpgradeRegistry(context.getContextPath());
            context.setAttribute(ATTRIBUTE, registry);
            return registry;
        }
    }

    /** A registry not attached to any context, for code that builds an {@link UpgradeFilter} itself. */
    public static UpgradeRegistry standalone(String name) {
        return new UpgradeRegistry(name);
    }

    /**
     * Adds {@code protocol}; it answers to its {@link UpgradeProtocol#tokens() tokens} from the
     * next request on.
     *
     * @return this registry
     * @throws IllegalArgumentException if {@code protocol} has no tokens
     */
    public UpgradeRegistry register(UpgradeProtocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (protocol.tokens().isEmpty()) {
            throw new IllegalArgumentException("protocol " + protocol + " has no tokens");
        }
        if (protocols.addIfAbsent(protocol)) {
            version.incrementAndGet();
        }
        return this;
    }

    /** Removes {@code protocol}; returns whether it was registered. */
    public boolean unregister(UpgradeProtocol protocol) {
        boolean removed = protocols.remove(protocol);
        if (removed) {
            version.incrementAndGet();
        }
        return removed;
    }

    /**
     * Adds {@code protocol}, which claims upgrade requests by path and is asked before the
     * token walk (see {@link RoutedProtocol}), from the next request on. Where two claim a
     * request, the first routed is asked.
     *
     * @return this registry
     */
    public UpgradeRegistry route(RoutedProtocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (routes.addIfAbsent(protocol)) {
            version.incrementAndGet();
        }
        return this;
    }

    /** Removes a routed {@code protocol}; returns whether it was there. */
    public boolean unroute(RoutedProtocol protocol) {
        boolean removed = routes.remove(protocol);
        if (removed) {
            version.incrementAndGet();
        }
        return removed;
    }

    /** The routed protocols, in the order they were added. */
    public List<RoutedProtocol> routes() {
        return List.copyOf(routes);
    }

    /** The registered protocols, in registration order. */
    public List<UpgradeProtocol> protocols() {
        return List.copyOf(protocols);
    }

    /** Counters of this application's upgrades; the same numbers as JMX. */
    public UpgradeStatistics statistics() {
        return statistics;
    }

    /** Changes with every registration, so that filters know when to rebuild. */
    long version() {
        return version.get();
    }
}
