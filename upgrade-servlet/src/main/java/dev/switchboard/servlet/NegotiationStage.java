package dev.switchboard.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.UpgradeNegotiator;
import dev.switchboard.servlet.internal.PathPatterns;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link Phase#NEGOTIATION} stage: acts on every request that carries an {@code Upgrade}
 * field (RFC 9110 section 7.8): checks it, asks the registered {@link UpgradeProtocol}s in the
 * client's order of preference, and switches, refuses or passes the request on. A request that a
 * {@link RoutedProtocol} claims by its path is that protocol's first, after the same checks.
 * Requests without the field cost one look-up in the exchange. The connections it switches keep their
 * deadlines on the application's {@link SwitchboardRuntime}, which it retains while it runs.
 */
final class NegotiationStage implements Stage {

    private static final Logger LOG = Logger.getLogger(NegotiationStage.class.getName());

    private UpgradeOptions options;
    private UpgradeRegistry registry;
    private List<UpgradeProtocol> providerProtocols = List.of();
    private UpgradeDispatcher dispatcher;
    private String advertised;
    private volatile Snapshot snapshot = new Snapshot(-1, null, new RoutedProtocol[0]);
    private SwitchboardRuntime runtime;
    private final boolean routesOnly;
    /** The requests whose offers are walked by token; null for all. Routed protocols see every request. */
    private PathPatterns scope;

    /**
     * @param options the options, or null to read them from the settings at {@link #init}
     * @param registry the protocols, or null for the context's registry
     */
    NegotiationStage(UpgradeOptions options, UpgradeRegistry registry) {
        this(options, registry, false);
    }

    /**
     * @param routesOnly whether the stage serves only the registry's routed protocols and passes
     *     every other request on untouched (a filter that serves one gateway's routes)
     */
    NegotiationStage(UpgradeOptions options, UpgradeRegistry registry, boolean routesOnly) {
        this.options = options;
        this.registry = registry;
        this.routesOnly = routesOnly;
    }

    /** The options in force; read from {@code settings} unless given. */
    UpgradeOptions options(Settings settings) {
        if (options == null) {
            options = UpgradeOptions.from(settings);
        }
        return options;
    }

    /**
     * Walks the offers of only the requests of {@code urlPatterns} by token ({@code
     * switchboard.urlPatterns}); the routed protocols still see every upgrade request.
     */
    void scope(List<String> urlPatterns) {
        PathPatterns patterns = PathPatterns.of(urlPatterns);
        scope = patterns.all() ? null : patterns;
    }

    void init(ServletContext context, Settings settings) throws ServletException {
        options(settings);
        if (registry == null) {
            registry = UpgradeRegistry.of(context);
        }
        if (!routesOnly) {
            providerProtocols = ProviderLoader.load(context, settings, options.protocols());
        }
        if (options.jmx() && !routesOnly) {
            registry.statistics().registerMBeans();
        }
        advertised = options.advertise().map(u -> u.toHeaderValue()).orElse(null);
        ContainerUpgrade upgrade;
        try {
            upgrade = ContainerUpgrade.of(context);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        runtime = SwitchboardRuntime.of(context).retain();
        SwitchboardRuntime running = runtime;
        dispatcher = new UpgradeDispatcher(registry.statistics(),
                new Switcher(upgrade, options.maxContentLength(), options.handlerOptions(), running::scheduler),
                options.advertise().orElse(null), options.allowedHosts());
        LOG.log(Level.FINE, "Switching through {0}", upgrade);
        LOG.log(Level.FINE, "Upgrade protocols: {0}", protocols());
        LOG.log(Level.FINE, "Upgrade requests served for hosts: {0}", options.allowedHosts());
    }

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        HttpServletRequest request = exchange.request();
        if (exchange.upgrade().present()) {
            boolean tokens = walksTokens(request);
            Snapshot s = snapshot();
            RoutedProtocol routed = s.claim(request);
            if (routed == null && !tokens) {
                next.proceed();
                return;
            }
            dispatcher.dispatch(s.negotiator, routed, !tokens, exchange, next);
            return;
        }
        if (advertised != null && walksTokens(request) && HttpVersion.allowsUpgrade(request.getProtocol())) {
            exchange.response().setHeader(HttpSpec.UPGRADE, advertised);
            exchange.response().setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        }
        next.proceed();
    }

    /**
     * Whether the token walk (and the advertisement) covers {@code request}: within {@code
     * switchboard.urlPatterns}, and not a stage that serves routes only. Asked only of requests
     * that need it, so that an ordinary request costs no pattern match.
     */
    private boolean walksTokens(HttpServletRequest request) {
        return !routesOnly && (scope == null || scope.matches(request));
    }

    /** True unless the stage advertises its protocols on every response ({@code switchboard.advertise}). */
    @Override
    public boolean passesRequestsWithoutUpgrade() {
        return advertised == null || routesOnly;
    }

    /** Releases the application's runtime (the last user stops its threads) and unregisters the MBeans. */
    @Override
    public void destroy() {
        SwitchboardRuntime running;
        synchronized (this) {
            running = runtime;
            runtime = null;
        }
        if (running != null) {
            running.release();
        }
        if (registry != null && options != null && options.jmx() && !routesOnly) {
            registry.statistics().unregisterMBeans();
        }
    }

    /** The protocols offered: the registry's, then those of enabled providers. */
    List<UpgradeProtocol> protocols() {
        List<UpgradeProtocol> all = new ArrayList<>(registry.protocols());
        all.addAll(providerProtocols);
        return all;
    }

    /** The registry read. */
    UpgradeRegistry registry() {
        return registry;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        long version = registry.version();
        if (s.version != version) {
            s = new Snapshot(version, new UpgradeNegotiator<>(routesOnly ? List.of() : protocols(),
                    options.selectionPolicy(), options.limits(), options.invalidFieldPolicy()),
                    registry.routes().toArray(new RoutedProtocol[0]));
            snapshot = s;
        }
        return s;
    }

    /** What the registry held at one version. */
    private record Snapshot(long version, UpgradeNegotiator<UpgradeProtocol> negotiator, RoutedProtocol[] routes) {

        /** The first routed protocol that claims {@code request}, or null. */
        RoutedProtocol claim(HttpServletRequest request) {
            for (RoutedProtocol r : routes) {
                if (r.claims(request)) {
                    return r;
                }
            }
            return null;
        }
    }
}
