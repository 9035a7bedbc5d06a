package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.Upgrade;
import dev.switchboard.proxy.ConnectPolicy;
import dev.switchboard.proxy.Route;
import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Carries out one tunnel request on the request thread: checks it, forwards it, and acts on
 * the backend's answer. Only a 101 whose {@code Upgrade} names a protocol the client offered
 * switches the client connection (RFC 9110 section 7.8); any other answer is relayed as an
 * ordinary response and the connection stays HTTP, so bytes the client sent after its
 * request are read by the container as the next request, never forwarded raw. Every
 * failure becomes a 4xx or 5xx through {@link Refusals}.
 *
 * <p>The request thread waits while the backend connects and answers, bounded by the
 * connect and response timeouts; after the switch no thread waits on the tunnel.
 */
public final class TunnelDispatcher {

    private static final Logger LOG = Logger.getLogger(TunnelDispatcher.class.getName());

    private final TunnelOptions options;
    private final TunnelStatistics statistics;
    private final ProtocolStatistics handlerStatistics;
    private final Supplier<RelayLoop> loop;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final Capacity capacity;

    public TunnelDispatcher(TunnelOptions options, TunnelStatistics statistics, ProtocolStatistics handlerStatistics,
            Supplier<RelayLoop> loop, Supplier<ScheduledExecutorService> scheduler) {
        this.options = options;
        this.statistics = statistics;
        this.handlerStatistics = handlerStatistics;
        this.loop = loop;
        this.scheduler = scheduler;
        this.capacity = new Capacity(options.maxTunnels());
    }

    /**
     * Tunnels {@code request} if it is an upgrade request on a route or a CONNECT request.
     *
     * @return false if the request is not for the tunnel: pass it down the chain unchanged
     */
    public boolean dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("CONNECT".equals(request.getMethod())) {
            statistics.request();
            connect(request, response);
            return true;
        }
        if (request.getHeader(HttpSpec.UPGRADE) == null || !HttpSpec.HTTP_1_1.equals(request.getProtocol())) {
            return false; // an Upgrade in HTTP/1.0 (or over HTTP/2) is not acted on (RFC 9110 section 7.8)
        }
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        Optional<Route> route = options.route(path);
        if (route.isEmpty()) {
            return false;
        }
        Upgrade offered;
        Connection connection;
        try {
            offered = Upgrade.parse(Collections.list(request.getHeaders(HttpSpec.UPGRADE)));
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
        Capacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            refuse(response, new TunnelFailure(HttpSpec.SC_SERVICE_UNAVAILABLE, "capacity",
                    "All " + capacity.max() + " tunnels are in use; try again later"));
            return;
        }
        BackendConnection backend = null;
        boolean switched = false;
        try {
            String target = route.target(request.getRequestURI(), rawPathInContext(request, route),
                    request.getQueryString());
            byte[] content = Content.read(request, options.maxContentLength());
            byte[] head = ForwardedRequest.head(request, route, target, offered, connection, options, content.length);
            backend = BackendConnection.open(route.host(), route.port(), route.secure() ? sslContext() : null,
                    options.connectTimeout(), options.responseTimeout(), options.maxResponseHeadSize());
            backend.send(head, content);
            BackendResponse answer = backend.readHead();
            if (answer.status() == HttpSpec.SC_SWITCHING_PROTOCOLS) {
                Upgrade protocols = switchedTo(answer, offered, backend.name());
                switchClient(request, response, answer, protocols, backend, permit);
                switched = true;
            } else {
                ResponseRelay.relay(answer, backend, "HEAD".equals(request.getMethod()), response);
                statistics.relayed();
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
     * The protocols of a backend's 101, which must name one the client offered.
     *
     * @throws TunnelFailure (502) otherwise
     */
    private static Upgrade switchedTo(BackendResponse answer, Upgrade offered, String backend) {
        List<String> lines = answer.values(HttpSpec.UPGRADE);
        if (lines.isEmpty()) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-switch",
                    "Backend " + backend + " answered 101 without an Upgrade field");
        }
        Upgrade protocols;
        try {
            protocols = Upgrade.parse(lines);
        } catch (FieldSyntaxException e) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-switch",
                    "Backend " + backend + " answered 101 with an invalid Upgrade field: " + e.reason());
        }
        for (var p : protocols.protocols()) {
            if (offered.offers(p)) {
                return protocols;
            }
        }
        throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-switch", "Backend " + backend + " switched to "
                + OneLine.of(protocols.toHeaderValue()) + ", which the client did not offer ("
                + offered.toHeaderValue() + ")");
    }

    private void switchClient(HttpServletRequest request, HttpServletResponse response, BackendResponse answer,
            Upgrade protocols, BackendConnection backend, Capacity.Permit permit) throws IOException {
        Map<String, List<String>> fields = endToEnd(answer);
        writeSwitch(response, protocols, fields);
        TunnelHandler handler;
        try {
            handler = request.upgrade(TunnelHandler.class);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("the container refused the switch", e);
        }
        // Point of no return: the client connection now belongs to the handler.
        writeSwitch(response, protocols, fields);
        start(handler, backend, backend.afterHead(), permit);
    }

    /** Starts the relay between a switched client connection and its backend. */
    private void start(TunnelHandler handler, BackendConnection backend, byte[] early, Capacity.Permit permit)
            throws IOException {
        BackendLink link = new BackendLink(loop.get(), backend.detach(), handler, statistics, scheduler.get(),
                options.handlerOptions().idleTimeout().isZero() ? options.responseTimeout()
                        : options.handlerOptions().idleTimeout(),
                options.handlerOptions().readBufferSize(), options.handlerOptions().maxPendingOutput(), () -> {
                    statistics.tunnelClosed();
                    permit.release();
                });
        statistics.tunnelOpened();
        statistics.fromBackend(early.length);
        handler.bind(link, early);
        handler.startSwitched(handlerStatistics, options.handlerOptions(), scheduler.get());
        LOG.log(Level.FINE, "Tunnel to {0} open", backend.name());
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
        Capacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            refuse(response, new TunnelFailure(HttpSpec.SC_SERVICE_UNAVAILABLE, "capacity",
                    "All " + capacity.max() + " tunnels are in use; try again later"));
            return;
        }
        BackendConnection backend = null;
        boolean switched = false;
        try {
            backend = BackendConnection.open(target.get().host(), target.get().port(), null, options.connectTimeout(),
                    options.responseTimeout(), options.maxResponseHeadSize());
            response.setStatus(200);
            TunnelHandler handler = request.upgrade(TunnelHandler.class);
            // Point of no return. A successful CONNECT is a 2xx, not a 101 (RFC 9110 section 9.3.6).
            response.setStatus(200);
            start(handler, backend, new byte[0], permit);
            switched = true;
        } catch (HttpStatusException e) {
            refuse(response, e);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("the container refused the switch", e);
        } finally {
            if (!switched) {
                if (backend != null) {
                    backend.close();
                }
                permit.release();
            }
        }
    }

    private void refuse(HttpServletResponse response, HttpStatusException e) throws IOException {
        statistics.refused(TunnelFailure.kindOf(e));
        LOG.log(Level.FINE, "Tunnel refused: {0} {1}", new Object[] {e.status(), e.reason()});
        Refusals.send(response, e);
    }

    /**
     * The path after the context path, as the client sent it. It must lie under the route
     * just as the container's normalised path does, so that dot segments or encodings cannot
     * take a forwarded request outside the route's backend path.
     */
    private static String rawPathInContext(HttpServletRequest request, Route route) {
        String uri = request.getRequestURI();
        String raw = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (!route.matches(raw) || raw.contains("/./") || raw.contains("/../") || raw.endsWith("/.")
                || raw.endsWith("/..") || raw.indexOf('%') >= 0 && raw.toLowerCase(Locale.ROOT).contains("%2e")) {
            throw new TunnelFailure(HttpSpec.SC_BAD_REQUEST, "bad-path",
                    "Request path is not in normal form: " + OneLine.of(raw));
        }
        return raw;
    }

    /** The 101's end-to-end fields, in order, grouped by name. */
    private static Map<String, List<String>> endToEnd(BackendResponse answer) {
        Connection connection;
        try {
            connection = Connection.parse(answer.values(HttpSpec.CONNECTION));
        } catch (FieldSyntaxException e) {
            throw ResponseHeadParser.invalid(e.reason());
        }
        HopByHop hopByHop = HopByHop.of(connection);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (BackendResponse.Field f : answer.fields()) {
            if (!hopByHop.contains(f.name()) && !f.name().equalsIgnoreCase(HttpSpec.CONTENT_LENGTH)) {
                out.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.value());
            }
        }
        return out;
    }

    /**
     * Sets the 101. Called before and after {@code request.upgrade()}: containers differ in
     * which of the two they keep (see ARCHITECTURE.md), and both give the same bytes.
     */
    private static void writeSwitch(HttpServletResponse response, Upgrade protocols, Map<String, List<String>> fields) {
        response.setStatus(HttpSpec.SC_SWITCHING_PROTOCOLS);
        response.setHeader(HttpSpec.UPGRADE, protocols.toHeaderValue());
        response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        fields.forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            for (int i = 1; i < values.size(); i++) {
                response.addHeader(name, values.get(i));
            }
        });
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

    /** Reads the request content whole, before anything is forwarded. */
    private static final class Content {
        static byte[] read(HttpServletRequest request, int max) throws IOException {
            long declared = request.getContentLengthLong();
            boolean chunked = request.getHeader(HttpSpec.TRANSFER_ENCODING) != null;
            if (declared <= 0 && !chunked) {
                return new byte[0];
            }
            if (declared > max) {
                throw tooLarge(max);
            }
            byte[] content;
            try (InputStream in = request.getInputStream()) {
                content = in.readNBytes(max + 1);
            }
            if (content.length > max) {
                throw tooLarge(max);
            }
            if (declared >= 0 && content.length != declared) {
                throw new TunnelFailure(HttpSpec.SC_BAD_REQUEST, "bad-request",
                        "Request content ended after " + content.length + " of " + declared + " bytes");
            }
            return content;
        }

        private static TunnelFailure tooLarge(int max) {
            return new TunnelFailure(HttpSpec.SC_CONTENT_TOO_LARGE, "content-too-large",
                    "Upgrade request content exceeds the limit of " + max + " bytes");
        }
    }
}
