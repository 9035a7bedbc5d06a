package dev.switchboard.websocket;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.websocket.handshake.WebSocketSpec;
import dev.switchboard.websocket.internal.EndpointSessions;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * Session limits for annotated endpoints. Jakarta WebSocket gives a library no hook into the
 * opening of a session that the container creates for an annotated endpoint, so the endpoint
 * hands its session over, first thing in {@code @OnOpen}:
 *
 * <pre>
 * &#64;OnOpen
 * public void open(Session session, EndpointConfig config) {
 *     if (!WebSocketSessions.admit(session, config)) {
 *         return; // already closed with 1013: the endpoint is full
 *     }
 *     ...
 * }
 * </pre>
 *
 * and, where the endpoint sees the close ({@code @OnClose}, with the configuration kept from
 * {@code @OnOpen}), hands it back with {@link #closed}, so that it stops counting against the
 * limit at once and its lifetime and close code reach the statistics. Endpoints registered
 * with {@link WebSocketEndpoints} are admitted by Switchboard itself and need none of this.
 */
public final class WebSocketSessions {

    private static final Logger LOG = Logger.getLogger(WebSocketSessions.class.getName());

    private WebSocketSessions() {
    }

    /**
     * Applies the endpoint's {@link SessionLimits} to {@code session}: counts it against
     * {@code maxSessions}, sets its idle timeout and message size limits, and closes it with
     * 1001 when the application stops. When the endpoint is full, closes it at once with 1013
     * (try again later).
     *
     * @param config the configuration {@code @OnOpen} received
     * @return whether the session was admitted
     * @throws IllegalStateException if the session was not opened through {@link SwitchboardConfigurator}
     */
    public static boolean admit(Session session, EndpointConfig config) {
        EndpointSessions sessions = find(config.getUserProperties());
        if (sessions == null) {
            sessions = find(session.getUserProperties());
        }
        if (sessions == null) {
            throw new IllegalStateException("This session was not opened through SwitchboardConfigurator: "
                    + "declare @ServerEndpoint(configurator = SwitchboardConfigurator.class)");
        }
        return admit(session, sessions);
    }

    /** {@link #admit(Session, EndpointConfig)} for containers that copy the configuration's user properties into the session. */
    public static boolean admit(Session session) {
        EndpointSessions sessions = find(session.getUserProperties());
        if (sessions == null) {
            throw new IllegalStateException("This session was not opened through SwitchboardConfigurator; "
                    + "declare @ServerEndpoint(configurator = SwitchboardConfigurator.class), or pass the "
                    + "EndpointConfig of @OnOpen");
        }
        return admit(session, sessions);
    }

    private static boolean admit(Session session, EndpointSessions sessions) {
        if (sessions.admit(session)) {
            return true;
        }
        closeFull(session, sessions);
        return false;
    }

    /**
     * Hands back a session {@link #admit(Session, EndpointConfig) admitted} before, which has
     * closed with {@code code} (RFC 6455 section 7.4; 1005 when the peer gave none): it no longer
     * counts against the endpoint's {@code maxSessions}, and the statistics' listeners hear its
     * lifetime and close code (in Micrometer, {@code switchboard.connection.duration} and
     * {@code switchboard.closes}). Call it where the endpoint sees the close, such as
     * {@code @OnClose}. Only the first call for a session counts; a session that was never
     * admitted, or that the endpoint already forgot as closed when it was full, is ignored.
     * Reads nothing of the closed session but its identity (some containers refuse every call on
     * a closed session).
     *
     * @param config the configuration {@code @OnOpen} received
     */
    public static void closed(Session session, EndpointConfig config, int code) {
        EndpointSessions sessions = find(config.getUserProperties());
        if (sessions != null) {
            sessions.closed(session, code);
        }
    }

    static void closeFull(Session session, EndpointSessions sessions) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(WebSocketSpec.CLOSE_TRY_AGAIN_LATER),
                    "This endpoint has its limit of " + sessions.limits().maxSessions() + " open sessions"));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not close a session over the limit", e);
        }
    }

    private static EndpointSessions find(Map<String, Object> properties) {
        Object o = properties.get(SwitchboardConfigurator.SESSIONS_PROPERTY);
        return o instanceof EndpointSessions s ? s : null;
    }
}
