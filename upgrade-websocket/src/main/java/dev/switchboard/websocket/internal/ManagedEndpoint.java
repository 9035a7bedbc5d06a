package dev.switchboard.websocket.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.websocket.handshake.WebSocketSpec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * An application's {@link Endpoint} as Switchboard runs it: each session is admitted against
 * the endpoint's limits before the application sees it (a session over {@code maxSessions} is
 * closed at once with 1013 and never reaches the application), gets the idle timeout and
 * message size limits, and is forgotten when it closes, its lifetime and close code told to
 * the WebSocket protocol's statistics listeners.
 */
public final class ManagedEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(ManagedEndpoint.class.getName());

    /** The code reported for a close without a status (RFC 6455 section 7.4.1); never sent. */
    private static final int NO_STATUS_RECEIVED = 1005;

    private final Endpoint application;
    private final EndpointSessions sessions;
    private volatile boolean admitted;
    private volatile long openedAt;

    public ManagedEndpoint(Endpoint application, EndpointSessions sessions) {
        this.application = application;
        this.sessions = sessions;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (!sessions.admit(session)) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(WebSocketSpec.CLOSE_TRY_AGAIN_LATER),
                        "This endpoint has its limit of " + sessions.limits().maxSessions() + " open sessions"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "Could not close a session over the limit", e);
            }
            return;
        }
        openedAt = System.nanoTime();
        admitted = true;
        application.onOpen(session, config);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        sessions.remove(session);
        if (admitted) {
            int code = closeReason == null ? NO_STATUS_RECEIVED : closeReason.getCloseCode().getCode();
            sessions.ended(Duration.ofNanos(System.nanoTime() - openedAt), code);
            application.onClose(session, closeReason);
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        if (admitted) {
            application.onError(session, thr);
        } else {
            LOG.log(Level.FINE, "Error on a session that was not admitted", thr);
        }
    }

    /** The application's endpoint. */
    public Endpoint application() {
        return application;
    }
}
