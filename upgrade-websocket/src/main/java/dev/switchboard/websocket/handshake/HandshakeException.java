package dev.switchboard.websocket.handshake;

import java.util.Map;

import dev.switchboard.http.HttpStatusException;

/**
 * A WebSocket handshake refused before the switch: the status, the one-line reason, the fields
 * the status demands (such as {@code Sec-WebSocket-Version} with a 426 or {@code WWW-Authenticate}
 * with a 401), and a short, stable label under which counters record it ({@code bad-key},
 * {@code origin}). Immutable.
 */
public class HandshakeException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * @param status a 4xx or 5xx status
     * @param kind a short label for counters, such as {@code bad-key}
     * @param reason a one-line reason for the body
     */
    public HandshakeException(int status, String kind, String reason) {
        this(status, kind, reason, Map.of());
    }

    /**
     * @param status a 4xx or 5xx status
     * @param kind a short label for counters, such as {@code bad-version}
     * @param reason a one-line reason for the body
     * @param fields fields the response must carry, in order
     */
    public HandshakeException(int status, String kind, String reason, Map<String, String> fields) {
        super(status, reason, fields);
        this.kind = kind;
    }

    /** The label under which counters record this refusal. */
    public String kind() {
        return kind;
    }
}
