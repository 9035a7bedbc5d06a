package dev.switchboard.proxy.internal;

import dev.switchboard.http.HttpStatusException;

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

    /** The label for any status exception: its own kind, or its status code. */
    static String kindOf(HttpStatusException e) {
        return e instanceof TunnelFailure f ? f.kind : String.valueOf(e.status());
    }
}
