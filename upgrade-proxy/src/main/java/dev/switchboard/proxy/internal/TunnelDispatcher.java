package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;
import dev.switchboard.proxy.ConnectPolicy;
import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.RoutedProtocol;
import dev.switchboard.servlet.nio.Reactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tunnel's way to its backends, shared by its two doors: the upgrade routes, a
 * {@link RoutedProtocol} that negotiation asks ({@link #protocol()}), and CONNECT, which is not
 * an upgrade and is carried out here on the request thread ({@link #connect}). Holds the cap
 * on open tunnels, the backend connections' timeouts and TLS, and the {@link Switchover}.
 */
public final class TunnelDispatcher {

    private static final Logger LOG = Logger.getLogger(TunnelDispatcher.class.getName());

    private final TunnelOptions options;
    private final TunnelStatistics statistics;
    private final Switchover switchover;
    private final Capacity capacity;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final TunnelProtocol protocol;

    /**
     * @param clients the context's trusted proxies: the client whom the forwarding fields
     *     written to the backend and the origin check describe (PRX-07, WS-11)
     * @param handlerStatistics where CONNECT tunnels' handlers are counted
     */
    public TunnelDispatcher(TunnelOptions options, ForwardedClients clients, TunnelStatistics statistics,
            ProtocolStatistics handlerStatistics, ContainerUpgrade upgrade, Supplier<Reactor> loop,
            Supplier<ScheduledExecutorService> scheduler) {
        this.options = options;
        this.statistics = statistics;
        this.scheduler = scheduler;
        this.switchover = new Switchover(options, statistics, handlerStatistics, upgrade, loop, scheduler);
        this.capacity = new Capacity(options.maxTunnels());
        this.protocol = new TunnelProtocol(options, clients, statistics, this);
    }

    /** The upgrade routes, for negotiation to ask. */
    public RoutedProtocol protocol() {
        return protocol;
    }

    /** CONNECT (RFC 9110 section 9.3.6), only to configured targets: 200 and a tunnel, or a refusal. */
    public void connect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        statistics.request();
        String authority = request.getServerName() + ':' + request.getServerPort();
        Optional<ConnectPolicy.Target> target = ConnectPolicy.Target.parse(authority);
        if (target.isEmpty() || !options.connectPolicy().allows(authority)) {
            refuse(response, new TunnelFailure(HttpSpec.SC_FORBIDDEN, "connect-forbidden",
                    "CONNECT to " + OneLine.of(authority) + " is not allowed"));
            return;
        }
        Capacity.Permit permit = tryAcquire();
        if (permit == null) {
            refuse(response, full());
            return;
        }
        BackendConnection backend = null;
        boolean switched = false;
        try {
            backend = open(target.get().host(), target.get().port(), false);
            backend.finishExchange();
            switchover.connect(request, response, backend, permit);
            switched = true;
        } catch (HttpStatusException e) {
            refuse(response, e);
        } finally {
            if (!switched) {
                if (backend != null) {
                    backend.close();
                }
                permit.release();
            }
        }
    }

    /** A place under the cap, or null when every one is taken. */
    Capacity.Permit tryAcquire() {
        return capacity.tryAcquire();
    }

    /** The 503 for a request over the cap. */
    TunnelFailure full() {
        return new TunnelFailure(HttpSpec.SC_SERVICE_UNAVAILABLE, "capacity",
                "All " + capacity.max() + " tunnels are in use; try again later");
    }

    Switchover switchover() {
        return switchover;
    }

    /** Connects to a backend within the connect timeout, over TLS when {@code secure}. */
    BackendConnection open(String host, int port, boolean secure) {
        return BackendConnection.open(host, port, secure ? sslContext() : null, options.connectTimeout(),
                options.responseTimeout(), scheduler.get(), options.maxResponseHeadSize());
    }

    /** Answers {@code e} and ends the connection after it (UPG-16). */
    private void refuse(HttpServletResponse response, HttpStatusException e) throws IOException {
        statistics.refused(TunnelFailure.kindOf(e));
        LOG.log(Level.FINE, "CONNECT refused: {0} {1}", new Object[] {e.status(), e.reason()});
        Refusals.send(response, TunnelFailure.closing(e));
    }

    private SSLContext sslContext() {
        if (options.sslContext() != null) {
            return options.sslContext();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "tls-failed", "No TLS implementation for https backends");
        }
    }
}
