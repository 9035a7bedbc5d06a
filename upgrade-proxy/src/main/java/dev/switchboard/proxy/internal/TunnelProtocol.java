package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.StatusLine;
import dev.switchboard.http.Upgrade;
import dev.switchboard.proxy.Route;
import dev.switchboard.proxy.TunnelFilter;
import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.RoutedProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tunnel's upgrade routes as a protocol of negotiation: an upgrade request on a route is
 * checked, forwarded, and decided on the backend's answer. Only a 101 whose {@code Upgrade}
 * names a protocol the client offered switches the client connection (RFC 9110 section 7.8);
 * any other answer is relayed as an ordinary response and the connection stays HTTP, so bytes
 * the client sent after its request are read by the container as the next request, never
 * forwarded raw. Every failure is refused with a 4xx or 5xx, and negotiation's refusal ends the
 * connection after it (UPG-16).
 *
 * <p>Negotiation has applied its checks when it asks: the {@code Upgrade} field under the
 * context's limits (400, 431), allowed hosts (421, WS-15), HTTP/1.1 and {@code Connection:
 * upgrade}. The request thread then waits for the backend at most the connect timeout, then the
 * response timeout, one deadline for the rest of the exchange (PRX-09); after the switch no
 * thread waits on the tunnel.
 */
final class TunnelProtocol implements RoutedProtocol {

    private static final Logger LOG = Logger.getLogger(TunnelProtocol.class.getName());

    private final TunnelOptions options;
    private final ForwardedClients clients;
    private final TunnelStatistics statistics;
    private final TunnelDispatcher backends;

    TunnelProtocol(TunnelOptions options, ForwardedClients clients, TunnelStatistics statistics,
            TunnelDispatcher backends) {
        this.options = options;
        this.clients = clients;
        this.statistics = statistics;
        this.backends = backends;
    }

    @Override
    public boolean claims(HttpServletRequest request) {
        return route(request).isPresent();
    }

    @Override
    public String name() {
        return TunnelFilter.PROTOCOL_NAME;
    }

    /**
     * Counts a request on a route that negotiation refused before asking, as the tunnel counted
     * its own checks: a malformed field under its status, anything else under negotiation's label.
     */
    @Override
    public void refusedAtTheDoor(String kind, HttpStatusException error) {
        statistics.request();
        statistics.refused(error instanceof FieldSyntaxException ? String.valueOf(error.status()) : kind);
    }

    @Override
    public Decision decide(UpgradeRequest upgradeRequest) {
        HttpServletRequest request = upgradeRequest.servletRequest();
        Optional<Route> found = route(request);
        if (found.isEmpty()) {
            return Decision.decline("no tunnel route");
        }
        statistics.request();
        Route route = found.get();
        Upgrade offered = upgradeRequest.upgrade();
        String pathInContext;
        ForwardedClient client;
        try {
            client = clients.resolve(request);
            RequestChecks.framing(request);
            pathInContext = RequestChecks.rawPathInContext(request, route);
            RequestChecks.origin(request, client, route, offered, options.origins(route));
        } catch (HttpStatusException e) {
            return refuse(e);
        }
        Capacity.Permit permit = backends.tryAcquire();
        if (permit == null) {
            return refuse(backends.full());
        }
        BackendConnection backend = null;
        boolean handedOver = false;
        try {
            String target = route.target(request.getRequestURI(), pathInContext, request.getQueryString());
            byte[] content = RequestContent.read(request, options.maxContentLength());
            byte[] head = ForwardedRequest.head(request, client, route, target, offered,
                    upgradeRequest.connection(), options, content.length);
            backend = backends.open(route.host(), route.port(), route.secure());
            backend.send(head, content);
            MessageHead<StatusLine> answer = backend.readHead();
            Decision decision;
            if (answer.startLine().status() == HttpSpec.SC_SWITCHING_PROTOCOLS) {
                Upgrade protocols = Switchover.switchedTo(answer, offered, backend.name());
                backend.finishExchange();
                decision = backends.switchover().switchTo(answer, protocols, backend, permit);
            } else {
                BackendConnection answered = backend;
                decision = Decision.respond(response -> relay(request, response, answer, answered, permit));
            }
            handedOver = true;
            return decision;
        } catch (HttpStatusException e) {
            return refuse(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client's connection failed: there is no one to answer
        } finally {
            if (!handedOver) {
                if (backend != null) {
                    backend.close();
                }
                permit.release();
            }
        }
    }

    /**
     * Relays an answer other than 101, then closes the backend. A backend that fails before
     * anything was committed gets its 502 or 504 refusal instead; one cut short after the
     * response was committed (the deadline passed, or a peer failed) is counted and its
     * exception passed on, so that the container closes the client connection without ending
     * the body.
     */
    private void relay(HttpServletRequest request, HttpServletResponse response, MessageHead<StatusLine> answer,
            BackendConnection backend, Capacity.Permit permit) throws IOException {
        try {
            ResponseRelay.relay(answer, backend, request.getMethod(), response);
        } catch (HttpStatusException e) {
            refused(e);
            Refusals.refuseUpgrade(response, e);
            return;
        } catch (IOException e) {
            statistics.responseCut();
            LOG.log(Level.FINE, "Relayed response cut short: {0}", e.getMessage());
            throw e;
        } finally {
            backend.close();
            permit.release();
        }
        statistics.relayed();
    }

    private Decision refuse(HttpStatusException e) {
        String kind = refused(e);
        return Decision.refuse(e).countedAs(kind);
    }

    private String refused(HttpStatusException e) {
        String kind = TunnelFailure.kindOf(e);
        statistics.refused(kind);
        LOG.log(Level.FINE, "Tunnel refused: {0} {1}", new Object[] {e.status(), e.reason()});
        return kind;
    }

    private Optional<Route> route(HttpServletRequest request) {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        return options.route(path);
    }
}
