package dev.switchboard.proxy.internal;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.Upgrade;
import dev.switchboard.proxy.AllowedOrigins;
import dev.switchboard.proxy.Route;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What an upgrade request must satisfy before the tunnel contacts a backend for it. Each check
 * throws a {@link TunnelFailure} with the answer; the request then reaches no backend.
 */
final class RequestChecks {

    /** The field that carries the origin of the page making the request (RFC 6454 section 7). */
    private static final String ORIGIN = "Origin";
    /** The WebSocket upgrade token (RFC 6455 section 4.1). */
    private static final String WEBSOCKET = "websocket";

    private RequestChecks() {
    }

    /**
     * PRX-08: no {@code Transfer-Encoding}, alone or with {@code Content-Length} (RFC 9112
     * section 6.3). Once the tunnel switches, whatever the container has not consumed as the
     * request's content goes to the backend as tunnelled bytes, so the content's end must be
     * beyond dispute: a chunked body read one way here and another way by a proxy in front
     * would let a client smuggle a request to the backend. Containers differ in what they leave
     * visible (Tomcat drops {@code Content-Length} when both are present), so the field itself
     * is what counts: a request that has it is refused, whatever its value.
     *
     * @throws TunnelFailure 400
     */
    static void framing(HttpServletRequest request) {
        if (request.getHeaders(HttpSpec.TRANSFER_ENCODING).hasMoreElements()) {
            throw new TunnelFailure(HttpSpec.SC_BAD_REQUEST, "transfer-encoding",
                    "Upgrade request with Transfer-Encoding refused: send its content with Content-Length");
        }
    }

    /**
     * The route's origin policy, for requests that offer {@code websocket} and carry
     * {@code Origin} (every browser's WebSocket handshake does; other clients need not, and a
     * page cannot offer other protocols). More than one {@code Origin} is refused.
     *
     * @throws TunnelFailure 403 if the origin is not allowed
     */
    static void origin(HttpServletRequest request, ForwardedClient client, Route route, Upgrade offered,
            AllowedOrigins allowed) {
        if (!offered.offersName(WEBSOCKET)) {
            return;
        }
        List<String> origins = Collections.list(request.getHeaders(ORIGIN));
        if (origins.isEmpty()) {
            return;
        }
        String origin = String.join(", ", origins);
        if (origins.size() > 1 || !allowed.allows(origin, client.secure(), client.host().map(Object::toString).orElse(null))) {
            throw new TunnelFailure(HttpSpec.SC_FORBIDDEN, "origin-forbidden",
                    "Origin " + OneLine.of(origin) + " may not open a WebSocket through " + route.prefix());
        }
    }

    /**
     * The path after the context path, as the client sent it. It must lie under the route
     * just as the container's normalised path does, so that dot segments or encodings cannot
     * take a forwarded request outside the route's backend path.
     *
     * @throws TunnelFailure (400) otherwise
     */
    static String rawPathInContext(HttpServletRequest request, Route route) {
        String uri = request.getRequestURI();
        String raw = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!route.matches(raw) || raw.contains("/./") || raw.contains("/../") || raw.endsWith("/.")
                || raw.endsWith("/..") || lower.contains("%2e") || lower.contains("%2f") || raw.contains(";")) {
            throw new TunnelFailure(HttpSpec.SC_BAD_REQUEST, "bad-path",
                    "Request path is not in normal form: " + OneLine.of(raw));
        }
        return raw;
    }
}
