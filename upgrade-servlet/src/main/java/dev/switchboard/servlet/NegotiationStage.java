package dev.switchboard.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.UpgradeNegotiator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link Phase#NEGOTIATION} stage: acts on every request that carries an {@code Upgrade}
 * field (RFC 9110 section 7.8): checks it, asks the registered {@link UpgradeProtocol}s in the
 * client's order of preference, and switches, refuses or passes the request on. Requests
 * without the field cost one look-up in the exchange. The connections it switches keep their
 * deadlines on the application's {@link SwitchboardRuntime}, which it retains while it runs.
 */
final class NegotiationStage implements Stage {

    private static final Logger LOG = Logger.getLogger(NegotiationStage.class.getName());

    private UpgradeOptions options;
    private UpgradeRegistry registry;
    private List<UpgradeProtocol> providerProtocols = List.of();
    private UpgradeDispatcher dispatcher;
    private String advertised;
    private volatile Snapshot snapshot = new Snapshot(-1, null);
    private SwitchboardRuntime runtime;

    /**
     * @param options the options, or null to read them from the settings at {@link #init}
     * @param registry the protocols, or null for the context's registry
     */
    NegotiationStage(UpgradeOptions options, UpgradeRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    /** The options in force; read from {@code settings} unless given. */
    UpgradeOptions options(Settings settings) {
        if (options == null) {
            options = UpgradeOptions.from(settings);
        }
        return options;
    }

    void init(ServletContext context, Settings settings) throws ServletException {
        options(settings);
        if (registry == null) {
            registry = UpgradeRegistry.of(context);
        }
        providerProtocols = ProviderLoader.load(context, settings, options.protocols());
        if (options.jmx()) {
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
        if (exchange.upgrade().present()) {
            dispatcher.dispatch(negotiator(), exchange, next);
            return;
        }
        HttpServletRequest request = exchange.request();
        if (advertised != null && HttpVersion.allowsUpgrade(request.getProtocol())) {
            exchange.response().setHeader(HttpSpec.UPGRADE, advertised);
            exchange.response().setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        }
        next.proceed();
    }

    /** True unless the stage advertises its protocols on every response ({@code switchboard.advertise}). */
    @Override
    public boolean passesRequestsWithoutUpgrade() {
        return advertised == null;
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
        if (registry != null && options != null && options.jmx()) {
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

    private UpgradeNegotiator<UpgradeProtocol> negotiator() {
        Snapshot s = snapshot;
        long version = registry.version();
        if (s.version != version) {
            s = new Snapshot(version, new UpgradeNegotiator<>(protocols(), options.selectionPolicy(),
                    options.limits(), options.invalidFieldPolicy()));
            snapshot = s;
        }
        return s.negotiator;
    }

    private record Snapshot(long version, UpgradeNegotiator<UpgradeProtocol> negotiator) {
    }
}
