package dev.switchboard.websocket;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.websocket.handshake.Agreement;
import dev.switchboard.websocket.handshake.Handshake;
import dev.switchboard.websocket.handshake.HandshakeException;
import dev.switchboard.websocket.internal.AnnotatedEndpoint;
import dev.switchboard.websocket.internal.Handover;
import dev.switchboard.websocket.internal.HandshakeGuard;
import dev.switchboard.websocket.internal.Route;
import dev.switchboard.websocket.internal.Routes;
import dev.switchboard.websocket.internal.SessionRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/**
 * {@code websocket} in the upgrade registry: every WebSocket handshake of the application, to
 * any endpoint, is checked here before endpoint code runs, the same way on every container.
 *
 * <ol>
 *   <li>The handshake is validated ({@link Handshake#read}: WS-01..WS-06): 400, 426 with
 *       {@code Sec-WebSocket-Version: 13}, or 431.</li>
 *   <li>The endpoint is found by path, and its {@link EndpointPolicy} applied: origin (403,
 *       WS-11), authorization (401/403, WS-13), subprotocol (400 when required and none agreed,
 *       WS-09), extensions (WS-10), open sessions (503).</li>
 *   <li>The switch. An endpoint registered with {@link WebSocketEndpoints} is upgraded here with
 *       {@code ServerContainer.upgradeHttpToWebSocket}. An annotated endpoint is left to the
 *       container's own WebSocket filter further down the chain. Either way the container
 *       calls {@link SwitchboardConfigurator}, which answers with what was agreed here, so both
 *       paths write the same 101 (WS-08, WS-12).</li>
 * </ol>
 *
 * <p>A valid handshake for a path with no known endpoint is checked against the
 * {@code switchboard.websocket.*} policy (origin, authorization) and passed on. Thread-safe.
 */
public final class WebSocketProtocol implements UpgradeProtocol {

    /** {@code websocket} (RFC 6455 section 11.2). */
    public static final ProtocolToken TOKEN = ProtocolToken.of("websocket");

    private static final Logger LOG = Logger.getLogger(WebSocketProtocol.class.getName());

    private final ServletContext context;
    private final WebSocketOptions options;
    private final WebSocketEndpoints endpoints;
    private final List<AnnotatedEndpoint> annotated;
    private final SessionRegistry sessions;
    private final ForwardedClients clients;
    private volatile Snapshot snapshot;

    /**
     * The protocol of {@code context}: its {@link WebSocketEndpoints}, the annotated endpoints
     * its initializer found, and {@code options}.
     *
     * @throws IllegalArgumentException if an endpoint's policy or {@code switchboard.trustedProxies} is invalid
     */
    public WebSocketProtocol(ServletContext context, WebSocketOptions options) {
        this.context = Objects.requireNonNull(context, "context");
        this.options = Objects.requireNonNull(options, "options");
        this.endpoints = WebSocketEndpoints.of(context);
        this.annotated = annotatedEndpoints(context);
        this.sessions = SessionRegistry.of(context);
        this.clients = ForwardedClients.of(context);
        this.snapshot = build(endpoints.version());
    }

    @SuppressWarnings("unchecked")
    private static List<AnnotatedEndpoint> annotatedEndpoints(ServletContext context) {
        Object list = context.getAttribute(AnnotatedEndpoint.ATTRIBUTE);
        return list instanceof List<?> l ? List.copyOf((List<AnnotatedEndpoint>) l) : List.of();
    }

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    /** True, so that a handshake carrying content is refused here rather than passed on. */
    @Override
    public boolean acceptsContent() {
        return true;
    }

    /**
     * A request that offers {@code websocket} but that negotiation ignores (HTTP/1.0, no
     * {@code Connection: upgrade}) is a broken handshake: 400 with a one-line reason (RFC 6455
     * section 4.2.1, WS-01 and WS-04), not an ordinary request for the application.
     */
    @Override
    public Optional<Decision.Refuse> whenIgnored(RequestHead head, Upgrade offered) {
        try {
            HandshakeGuard.check(head, offered);
            return Optional.empty();
        } catch (HandshakeException e) {
            return Optional.of(Decision.refuse(e).countedAs(e.kind()));
        }
    }

    @Override
    public Decision decide(UpgradeRequest upgrade) {
        HttpServletRequest request = upgrade.servletRequest();
        try {
            RequestHead head = upgrade.head();
            // Resolved whatever the origin policy, so that a malformed forwarding field from a
            // trusted proxy gets the same 400 here as from the TLS policy and the tunnel.
            ForwardedClient client = clients.resolve(request);
            // Negotiation has checked the version, Upgrade and Connection (WS-01, WS-03, WS-04).
            Handshake handshake = Handshake.readNegotiated(head, options.limits());
            Route.Match match = routes().match(path(request));
            EndpointPolicy policy = match == null ? options.defaultPolicy() : match.route().policy();
            Map<String, String> parameters = match == null ? Map.of() : match.parameters();
            policy.origins().check(handshake.origin(), client);
            authorize(policy, request, parameters);
            if (match == null || match.route().kind() == Route.Kind.CONTAINER) {
                Handover.begin(new Handover(handshake, policy, null, null));
                return Decision.delegate("no endpoint of Switchboard's at this path: the container decides")
                        .withCleanup(Handover::end);
            }
            Route route = match.route();
            Agreement agreement = new Agreement(policy.subprotocols().select(handshake.subprotocols()).orElse(null),
                    policy.extensions().negotiate(handshake.extensions()));
            if (!route.sessions().hasRoom()) {
                throw new HandshakeException(HttpSpec.SC_SERVICE_UNAVAILABLE, "session-limit",
                        "This endpoint has its limit of " + policy.limits().maxSessions() + " open sessions");
            }
            Handover handover = new Handover(handshake, policy, agreement, route.sessions());
            if (route.kind() == Route.Kind.ANNOTATED) {
                Handover.begin(handover);
                return Decision.delegate("the switch happens further down the chain, with Switchboard's agreement")
                        .withCleanup(Handover::end);
            }
            return upgrade(upgrade, route, parameters, handover);
        } catch (HandshakeException e) {
            return Decision.refuse(e).countedAs(e.kind());
        } catch (FieldSyntaxException e) {
            return Decision.refuse(e).countedAs("forwarded");
        }
    }

    private static void authorize(EndpointPolicy policy, HttpServletRequest request, Map<String, String> parameters) {
        Authorization verdict = policy.authorizer().authorize(request, parameters);
        if (verdict instanceof Authorization.Refuse refuse) {
            throw refuse.error();
        }
        Objects.requireNonNull(verdict, "the authorizer returned null");
    }

    private Decision upgrade(UpgradeRequest upgrade, Route route, Map<String, String> parameters, Handover handover) {
        Object attribute = context.getAttribute(ServerContainer.class.getName());
        if (!(attribute instanceof ServerContainer container)) {
            LOG.severe("No jakarta.websocket.server.ServerContainer in this application: cannot open "
                    + route.description());
            return Decision.refuse(HttpSpec.SC_SERVICE_UNAVAILABLE, "This server has no WebSocket support")
                    .countedAs("no-container");
        }
        Handover.begin(handover);
        try {
            // Point of no return: the container writes the 101 and hands the connection over.
            container.upgradeHttpToWebSocket(upgrade.servletRequest(), upgrade.servletResponse(), route.config(),
                    parameters);
        } catch (DeploymentException | IOException e) {
            LOG.log(Level.WARNING, "WebSocket upgrade to " + route.description() + " failed", e);
            if (upgrade.servletResponse().isCommitted()) {
                return Decision.handled();
            }
            return Decision.refuse(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The WebSocket upgrade failed").countedAs("upgrade-failed");
        } finally {
            Handover.end();
        }
        return Decision.handled();
    }

    /** The path within the application, as the container's WebSocket filter matches it. */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }

    private Routes routes() {
        Snapshot s = snapshot;
        long version = endpoints.version();
        if (s.version != version) {
            try {
                s = build(version);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.SEVERE, "Invalid WebSocket endpoint registration; keeping the previous endpoints", e);
                s = new Snapshot(version, s.routes);
            }
            snapshot = s;
        }
        return s.routes;
    }

    private Snapshot build(long version) {
        return new Snapshot(version, Routes.build(options, endpoints.endpoints(), annotated, sessions));
    }

    /** The routes, for diagnostics and tests. */
    public List<Route> currentRoutes() {
        return routes().routes();
    }

    @Override
    public String toString() {
        return "WebSocketProtocol[" + routes().routes().size() + " endpoints]";
    }

    private record Snapshot(long version, Routes routes) {
    }
}
