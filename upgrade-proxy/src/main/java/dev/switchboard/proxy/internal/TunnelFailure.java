package dev.switchboard.proxy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;

/**
 * A request the tunnel answers itself with a 4xx or 5xx, and the short label under which
 * counters record it ({@code connect-timeout}, {@code bad-response}, ...).
 */
final class TunnelFailure extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    TunnelFailure(int status, String kind, String reason) {
        super(status, reason);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    /**
     * A 502 for a backend's response head, or its framing, that is not HTTP/1.1: {@code problem}
     * says what, such as {@code a folded field line (obs-fold): " , evil/1"}.
     */
    static TunnelFailure badResponse(String problem) {
        return new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-response",
                "Backend sent an invalid response head: " + OneLine.of(problem));
    }

    /** The label for any status exception: its own kind, or its status code. */
    static String kindOf(HttpStatusException e) {
        return e instanceof TunnelFailure f ? f.kind : String.valueOf(e.status());
    }

    /**
     * {@code e} with {@code Connection: close} among its fields (UPG-16): after refusing a
     * request the tunnel ends the connection, so that whatever the client sent after it, which
     * a proxy in front may already have passed on as tunnelled bytes, is never read as a request.
     */
    static HttpStatusException closing(HttpStatusException e) {
        Map<String, String> fields = new LinkedHashMap<>(e.fields());
        fields.put(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_CLOSE);
        return new HttpStatusException(e.status(), e.reason(), fields);
    }
}
