package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
import jakarta.servlet.ServletException;

/**
 * The {@code TUNNEL_ROUTES} stage: an upgrade request on a route, or a CONNECT request, is
 * carried out by {@link TunnelDispatcher} with the {@code Upgrade} field the exchange holds;
 * every other request passes on. Owns the tunnels' relay loop and timeout thread, which end
 * with {@link #destroy()}.
 */
public final class TunnelStage implements Stage {

    private static final Logger LOG = Logger.getLogger(TunnelStage.class.getName());

    private final TunnelOptions options;
    private final TunnelStatistics statistics;
    private final TunnelDispatcher dispatcher;
    private final String contextName;
    private final Runnable unregister;
    private RelayLoop loop;
    private ScheduledExecutorService scheduler;

    /**
     * @param allowedHosts the context's {@code switchboard.allowedHosts}
     * @param clients the context's trusted proxies, for the client the tunnel vouches for
     * @param handlerStatistics where the tunnels' handlers are counted
     * @param unregister takes the statistics' MBean away, at {@link #destroy()}
     */
    public TunnelStage(String contextName, TunnelOptions options, AllowedHosts allowedHosts, ForwardedClients clients,
            TunnelStatistics statistics, ProtocolStatistics handlerStatistics, ContainerUpgrade upgrade,
            Runnable unregister) {
        this.contextName = contextName;
        this.unregister = unregister;
        this.options = options;
        this.statistics = statistics;
        this.dispatcher = new TunnelDispatcher(options, allowedHosts, clients, statistics, handlerStatistics, upgrade,
                this::loop, this::scheduler);
        LOG.log(Level.INFO, "Upgrade tunnel routes: {0}; CONNECT allowed to: {1}",
                new Object[] {options.routes(), options.connectPolicy()});
    }

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        if ((exchange.upgrade().present() || "CONNECT".equals(exchange.request().getMethod()))
                && dispatcher.dispatch(exchange.request(), exchange.response(), exchange.upgrade())) {
            return;
        }
        next.proceed();
    }

    /** Ends the relay loop and waits (a few seconds at most) for the timeout thread to end. */
    @Override
    public void destroy() {
        synchronized (this) {
            if (loop != null) {
                loop.close();
                loop = null;
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
                try {
                    // Its thread must be gone before the application is: it runs the exchanges' deadlines.
                    scheduler.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                scheduler = null;
            }
        }
        unregister.run();
    }

    public TunnelOptions options() {
        return options;
    }

    public TunnelStatistics statistics() {
        return statistics;
    }

    private synchronized RelayLoop loop() {
        if (loop == null) {
            loop = new RelayLoop("switchboard-tunnel-relay " + contextName);
        }
        return loop;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "switchboard-tunnel-timeouts " + contextName);
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            scheduler = executor;
        }
        return scheduler;
    }

    @Override
    public String toString() {
        return "tunnel routes";
    }
}
