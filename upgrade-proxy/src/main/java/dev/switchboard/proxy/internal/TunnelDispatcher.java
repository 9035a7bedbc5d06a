package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.StatusLine;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeField;
import dev.switchboard.proxy.ConnectPolicy;
import dev.switchboard.proxy.Route;
import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.AllowedHosts;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.switchboard.servlet.nio.Reactor;

/**
 * Carries out one tunnel request on the request thread: checks it, forwards it, and acts on
 * the backend's answer. Only a 101 whose {@code Upgrade} names a protocol the client offered
 * switches the client connection (RFC 9110 section 7.8); any other answer is relayed as an
 * ordinary response and the connection stays HTTP, so bytes the client sent after its
 * request are read by the container as the next request, never forwarded raw. Every
 * failure becomes a 4xx or 5xx through {@link Refusals}, with {@code Connection: close}
 * (UPG-16).
 *
 * <p>The request thread waits for the backend at most the connect timeout, then the response
 * timeout, one deadline for the rest of the exchange (PRX-09); after the switch no thread
 * waits on the tunnel.
 */
public final class TunnelDispatcher {

    private static final Logger LOG = Logger.getLogger(TunnelDispatcher.class.getName());

    private final TunnelOptions options;
    private final AllowedHosts allowedHosts;
    private final ForwardedClients clients;
    private final TunnelStatistics statistics;
    private final Switchover switchover;
    private final Capacity capacity;
    private final Supplier<ScheduledExecutorService> scheduler;

    /**
     * @param allowedHosts the context's {@code switchboard.allowedHosts}: an upgrade request on a
     *     route whose {@code Host} is not among them gets 421, as at the front door (WS-15)
     * @param clients the context's trusted proxies: the client whom the forwarding fields
     *     written to the backend and the origin check describe (PRX-07, WS-11)
     */
    public TunnelDispatcher(TunnelOptions options, AllowedHosts allowedHosts, ForwardedClients clients,
            TunnelStatistics statistics,
            ProtocolStatistics handlerStatistics, ContainerUpgrade upgrade, Supplier<Reactor> loop,
            Supplier<ScheduledExecutorService> scheduler) {
        this.options = options;
        this.allowedHosts = allowedHosts;
        this.clients = clients;
        this.statistics = statistics;
        this.scheduler = scheduler;
        this.switchover = new Switchover(options, statistics, handlerStatistics, upgrade, loop, scheduler);
        this.capacity = new Capacity(options.maxTunnels());
    }

    /**
     * Tunnels {@code request} if it is an upgrade request on a route or a CONNECT request.
     *
     * @param upgrade the request's {@code Upgrade} field as the front door read it, under the
     *     context's {@code switchboard.maxUpgradeFieldLength} and {@code maxUpgradeProtocols}:
     *     one over a limit gets the same 431 as negotiation gives, before the backend is contacted
     * @return false if the request is not for the tunnel: pass it down the chain unchanged
     */
    public boolean dispatch(HttpServletRequest request, HttpServletResponse response, UpgradeField upgrade)
            throws IOException {
        if ("CONNECT".equals(request.getMethod())) {
            statistics.request();
            connect(request, response);
            return true;
        }
        if (!upgrade.present() || !HttpVersion.allowsUpgrade(request.getProtocol())) {
            return false; // an Upgrade in HTTP/1.0 (or over HTTP/2) is not acted on (RFC 9110 section 7.8)
        }
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        Optional<Route> route = options.route(path);
        if (route.isEmpty()) {
            return false;
        }
        if (upgrade instanceof UpgradeField.Refused refused) {
            statistics.request();
            HttpStatusException error = refused.error();
            refuse(response, refused.malformed() ? error
                    : new TunnelFailure(error.status(), refused.kind(), error.reason()));
            return true;
        }
        Upgrade offered = upgrade.offeredOrNull();
        Connection connection;
        try {
            connection = Connection.parse(Collections.list(request.getHeaders(HttpSpec.CONNECTION)));
        } catch (FieldSyntaxException e) {
            statistics.request();
            refuse(response, e);
            return true;
        }
        if (!connection.hasUpgrade()) {
            return false; // no "upgrade" connection option: Upgrade is ignored (RFC 9110 section 7.8)
        }
        statistics.request();
        tunnel(request, response, route.get(), offered, connection);
        return true;
    }

    private void tunnel(HttpServletRequest request, HttpServletResponse response, Route route, Upgrade offered,
            Connection connection) throws IOException {
        String pathInContext;
        ForwardedClient client;
        try {
            host(request);
            client = clients.resolve(request);
            RequestChecks.framing(request);
            pathInContext = RequestChecks.rawPathInContext(request, route);
            RequestChecks.origin(request, client, route, offered, options.origins(route));
        } catch (HttpStatusException e) {
            refuse(response, e);
            return;
        }
        Capacity.Permit permit = acquire(response);
        if (permit == null) {
            return;
        }
        BackendConnection backend = null;
        boolean switched = false;
        try {
            String target = route.target(request.getRequestURI(), pathInContext, request.getQueryString());
            byte[] content = RequestContent.read(request, options.maxContentLength());
            byte[] head = ForwardedRequest.head(request, client, route, target, offered, connection, options, content.length);
            backend = open(route.host(), route.port(), route.secure() ? sslContext() : null);
            backend.send(head, content);
            MessageHead<StatusLine> answer = backend.readHead();
            if (answer.startLine().status() == HttpSpec.SC_SWITCHING_PROTOCOLS) {
                Upgrade protocols = Switchover.switchedTo(answer, offered, backend.name());
                backend.finishExchange();
                switchover.upgrade(request, response, answer, protocols, backend, permit);
                switched = true;
            } else {
                relay(request, response, answer, backend);
            }
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

    /**
     * Relays an answer other than 101. One cut short after the response was committed (the
     * deadline passed, or a peer failed) is counted and its exception passed on, so that the
     * container closes the client connection without ending the body.
     */
    private void relay(HttpServletRequest request, HttpServletResponse response, MessageHead<StatusLine> answer,
            BackendConnection backend) throws IOException {
        try {
            ResponseRelay.relay(answer, backend, request.getMethod(), response);
        } catch (IOException e) {
            statistics.responseCut();
            LOG.log(Level.FINE, "Relayed response cut short: {0}", e.getMessage());
            throw e;
        }
        statistics.relayed();
    }

    private BackendConnection open(String host, int port, SSLContext tls) {
        return BackendConnection.open(host, port, tls, options.connectTimeout(), options.responseTimeout(),
                scheduler.get(), options.maxResponseHeadSize());
    }

    /**
     * Refuses a {@code Host} the context does not serve before anything is sent to the backend:
     * a page on a name that an attacker points at this server (DNS rebinding) passes the
     * same-origin check, since its {@code Origin} and {@code Host} agree.
     */
    private void host(HttpServletRequest request) throws HttpStatusException {
        Optional<HttpStatusException> misdirected =
                allowedHosts.refusal(request.getHeader(HttpSpec.HOST), request.isSecure() ? 443 : 80);
        if (misdirected.isPresent()) {
            throw new TunnelFailure(misdirected.get().status(), "host", misdirected.get().reason());
        }
    }

    /** CONNECT (RFC 9110 section 9.3.6), only to configured targets. */
    private void connect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authority = request.getServerName() + ':' + request.getServerPort();
        Optional<ConnectPolicy.Target> target = ConnectPolicy.Target.parse(authority);
        if (target.isEmpty() || !options.connectPolicy().allows(authority)) {
            refuse(response, new TunnelFailure(HttpSpec.SC_FORBIDDEN, "connect-forbidden",
                    "CONNECT to " + OneLine.of(authority) + " is not allowed"));
            return;
        }
        Capacity.Permit permit = acquire(response);
        if (permit == null) {
            return;
        }
        BackendConnection backend = null;
        boolean switched = false;
        try {
            backend = open(target.get().host(), target.get().port(), null);
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

    /** A place under the cap, or null after answering 503. */
    private Capacity.Permit acquire(HttpServletResponse response) throws IOException {
        Capacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            refuse(response, new TunnelFailure(HttpSpec.SC_SERVICE_UNAVAILABLE, "capacity",
                    "All " + capacity.max() + " tunnels are in use; try again later"));
        }
        return permit;
    }

    /** Answers {@code e} and ends the connection after it (UPG-16). */
    private void refuse(HttpServletResponse response, HttpStatusException e) throws IOException {
        statistics.refused(TunnelFailure.kindOf(e));
        LOG.log(Level.FINE, "Tunnel refused: {0} {1}", new Object[] {e.status(), e.reason()});
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
