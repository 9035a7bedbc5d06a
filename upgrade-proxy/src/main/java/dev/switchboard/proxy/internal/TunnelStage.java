package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.Exchange;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.RoutedProtocol;
import dev.switchboard.servlet.Stage;
import dev.switchboard.servlet.SwitchboardRuntime;
import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.ServletException;
import dev.switchboard.servlet.nio.Reactor;

/**
 * The tunnel in an application: the {@code TUNNEL_ROUTES} stage, which carries out CONNECT
 * requests ({@link TunnelDispatcher#connect}) and passes every other request on, and the owner
 * of the upgrade routes' {@link RoutedProtocol}, which it adds to the application's
 * {@link UpgradeRegistry} for negotiation to ask, and takes away at {@link #destroy()}. CONNECT
 * is not an upgrade (RFC 9110 section 9.3.6: no {@code Upgrade} field, a 2xx rather than a 101,
 * a target that is an authority rather than a path), so negotiation never sees it. The
 * tunnels' relay loop and deadlines run on the application's {@link SwitchboardRuntime}, which
 * this stage retains until {@link #destroy()}.
 */
public final class TunnelStage implements Stage {

    private static final Logger LOG = Logger.getLogger(TunnelStage.class.getName());

    private final TunnelOptions options;
    private final TunnelStatistics statistics;
    private final TunnelDispatcher dispatcher;
    private final SwitchboardRuntime runtime;
    private final Runnable unregister;
    private final UpgradeRegistry registry;
    private final RoutedProtocol routes;

    /**
     * @param runtime the application's runtime, retained until {@link #destroy()}
     * @param clients the context's trusted proxies, for the client the tunnel vouches for
     * @param registry where the upgrade routes are added, for negotiation to ask
     * @param handlerStatistics where CONNECT tunnels' handlers are counted
     * @param unregister takes the statistics' MBean away, at {@link #destroy()}
     */
    public TunnelStage(SwitchboardRuntime runtime, TunnelOptions options, ForwardedClients clients,
            TunnelStatistics statistics, UpgradeRegistry registry, ProtocolStatistics handlerStatistics,
            ContainerUpgrade upgrade, Runnable unregister) {
        this.runtime = runtime;
        this.unregister = unregister;
        this.options = options;
        this.statistics = statistics;
        this.registry = registry;
        this.dispatcher = new TunnelDispatcher(options, clients, statistics, handlerStatistics, upgrade,
                this::loop, runtime::scheduler);
        this.routes = dispatcher.protocol();
        LOG.log(Level.INFO, "Upgrade tunnel routes: {0}; CONNECT allowed to: {1}",
                new Object[] {options.routes(), options.connectPolicy()});
        runtime.retain();
        if (!options.routes().isEmpty()) {
            registry.route(routes);
        }
    }

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        if (HttpSpec.METHOD_CONNECT.equals(exchange.request().getMethod())) {
            dispatcher.connect(exchange.request(), exchange.response());
            return;
        }
        next.proceed();
    }

    /**
     * Takes the upgrade routes out of negotiation and the statistics away, and releases the
     * runtime (the last user ends its relay loop and timer).
     */
    @Override
    public void destroy() {
        registry.unroute(routes);
        unregister.run();
        runtime.release();
    }

    public TunnelOptions options() {
        return options;
    }

    public TunnelStatistics statistics() {
        return statistics;
    }

    private Reactor loop() {
        return runtime.service("tunnel-relay", Reactor.class, () -> new Reactor(runtime.threadName("tunnel-relay"), null));
    }

    @Override
    public String toString() {
        return "tunnel (CONNECT; upgrade routes in negotiation)";
    }
}
