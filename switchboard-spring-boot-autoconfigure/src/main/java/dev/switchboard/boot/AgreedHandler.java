package dev.switchboard.boot;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import dev.switchboard.websocket.WebSocketSessions;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * The application's handler for one handshake under Switchboard's policy. To Spring's
 * handshake it declares exactly the subprotocol Switchboard agreed (so that Spring selects
 * that one); when the session opens, it admits it under the endpoint's limits
 * ({@link WebSocketSessions#admit}) before the application sees it, and a session over the
 * endpoint's limit is closed with 1013 instead. When it closes, the session is handed back
 * ({@link WebSocketSessions#closed}), which frees its place and reports its lifetime and close
 * code. Deliberately not a
 * {@link WebSocketHandlerDecorator}: Spring looks through decorators for the subprotocols.
 */
final class AgreedHandler implements WebSocketHandler, SubProtocolCapable {

    private static final Logger LOG = Logger.getLogger(AgreedHandler.class.getName());
    /** Whether the warning about sessions beyond Switchboard's limits was logged: once is enough. */
    private static final AtomicBoolean UNLIMITED_SAID = new AtomicBoolean();

    private final WebSocketHandler handler;
    private final String subprotocol;
    private final EndpointConfig admission;

    /**
     * @param subprotocol the agreed subprotocol, or null or empty for none
     * @param admission the configuration Switchboard left the endpoint's limits in
     */
    AgreedHandler(WebSocketHandler handler, String subprotocol, EndpointConfig admission) {
        this.handler = handler;
        this.subprotocol = subprotocol == null || subprotocol.isEmpty() ? null : subprotocol;
        this.admission = admission;
    }

    /** The subprotocols {@code handler} (or the handler it decorates) declares to Spring. */
    static List<String> subprotocolsOf(WebSocketHandler handler) {
        return WebSocketHandlerDecorator.unwrap(handler) instanceof SubProtocolCapable capable
                ? capable.getSubProtocols() : List.of();
    }

    @Override
    public List<String> getSubProtocols() {
        return subprotocol == null ? List.of() : List.of(subprotocol);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        Session jakarta = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
        if (jakarta == null && UNLIMITED_SAID.compareAndSet(false, true)) {
            LOG.warning("Spring's WebSocket session " + session.getClass().getName() + " is no Jakarta WebSocket "
                    + "session: Switchboard cannot hold it to the endpoint's session limits (max-sessions, idle-timeout, "
                    + "max-message-size) nor close it with 1001 when the application stops. Leave the endpoint's "
                    + "handshake handler to Spring's default, or give it Spring's StandardWebSocketUpgradeStrategy.");
        }
        if (jakarta != null && !admission.getUserProperties().isEmpty() && !WebSocketSessions.admit(jakarta, admission)) {
            return; // closed with 1013: the endpoint has its limit of open sessions
        }
        handler.afterConnectionEstablished(session);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        handler.handleMessage(session, message);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
        handler.handleTransportError(session, exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        try {
            Session jakarta = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
            if (jakarta != null) {
                WebSocketSessions.closed(jakarta, admission, closeStatus.getCode());
            }
        } finally {
            handler.afterConnectionClosed(session, closeStatus);
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return handler.supportsPartialMessages();
    }
}
