package dev.switchboard.boot;

import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * Spring's default WebSocket handshake, switched through the Jakarta WebSocket API where Spring
 * would use Jetty's own. Spring's {@link DefaultHandshakeHandler} picks Jetty's API whenever
 * Jetty's WebSocket server is on the class path (Boot's Jetty), and a session of that API is no
 * {@code jakarta.websocket.Session}: Switchboard could neither hold it to the endpoint's limits
 * (open sessions, idle timeout, message size) nor close it with 1001 when the application
 * stops. Jetty serves the Jakarta API in the same environment, and the application's handler
 * sees Spring's {@code WebSocketSession} either way; only its native session is the Jakarta one.
 */
final class JakartaHandshake {

    /** Spring's strategy for Jetty's own WebSocket API; named, so that this class loads without it. */
    static final String JETTY_STRATEGY = "org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy";

    private JakartaHandshake() {
    }

    /**
     * @return a default handshake through the Jakarta API in place of Spring's default handshake
     *     through Jetty's API; any other handler as it is
     */
    static HandshakeHandler of(HandshakeHandler handler) {
        if (handler.getClass() == DefaultHandshakeHandler.class
                && ((DefaultHandshakeHandler) handler).getRequestUpgradeStrategy().getClass().getName().equals(JETTY_STRATEGY)) {
            return new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy());
        }
        return handler;
    }
}
