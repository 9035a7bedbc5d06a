package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.AllowedHosts;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.Exchange;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.Stage;
import dev.switchboard.servlet.SwitchboardRuntime;
import jakarta.servlet.ServletException;
import dev.switchboard.servlet.nio.Reactor;

/**
 * The {@code TUNNEL_ROUTES} stage: an upgrade request on a route, or a CONNECT request, is
 * carried out by {@link TunnelDispatcher} with the {@code Upgrade} field the exchange holds;
 * every other request passes on. The tunnels' relay loop and deadlines run on the
 * application's {@link SwitchboardRuntime}, which this stage retains until {@link #destroy()}.
 */
public final class TunnelStage implements Stage {

    private static final Logger LOG = Logger.getLogger(TunnelStage.class.getName());

    private final TunnelOptions options;
    private final TunnelStatistics statistics;
    private final TunnelDispatcher dispatcher;
    private final SwitchboardRuntime runtime;
    private final Runnable unregister;

    /**
     * @param runtime the application's runtime, retained until {@link #destroy()}
     * @param allowedHosts the context's {@code switchboard.allowedHosts}
     * @param clients the context's trusted proxies, for the client the tunnel vouches for
     * @param handlerStatistics where the tunnels' handlers are counted
     * @param unregister takes the statistics' MBean away, at {@link #destroy()}
     */
    public TunnelStage(SwitchboardRuntime runtime, TunnelOptions options, AllowedHosts allowedHosts,
            ForwardedClients clients, TunnelStatistics statistics, ProtocolStatistics handlerStatistics,
            ContainerUpgrade upgrade, Runnable unregister) {
        this.runtime = runtime;
        this.unregister = unregister;
        this.options = options;
        this.statistics = statistics;
        this.dispatcher = new TunnelDispatcher(options, allowedHosts, clients, statistics, handlerStatistics, upgrade,
                this::loop, runtime::scheduler);
        LOG.log(Level.INFO, "Upgrade tunnel routes: {0}; CONNECT allowed to: {1}",
                new Object[] {options.routes(), options.connectPolicy()});
        runtime.retain();
    }

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        if ((exchange.upgrade().present() || "CONNECT".equals(exchange.request().getMethod()))
                && dispatcher.dispatch(exchange.request(), exchange.response(), exchange.upgrade())) {
            return;
        }
        next.proceed();
    }

    /** Takes the statistics away and releases the runtime (the last user ends its relay loop and timer). */
    @Override
    public void destroy() {
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
        return "tunnel routes";
    }
}
