package dev.switchboard.it.app.ws;

import java.nio.ByteBuffer;

import dev.switchboard.websocket.SwitchboardConfigurator;
import dev.switchboard.websocket.WebSocketPolicy;
import dev.switchboard.websocket.WebSocketSessions;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** The annotated twin of {@code /p/required}. */
@ServerEndpoint(value = "/a/required", subprotocols = {Policies.CHAT_V2}, configurator = SwitchboardConfigurator.class)
@WebSocketPolicy(subprotocolRequired = "true")
public class AnnotatedRequired {

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        WebSocketSessions.admit(session, config);
    }

    @OnMessage
    public String text(String message) {
        return message;
    }

    @OnMessage
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // Raw-socket tests drop connections without a close frame; that is not an error here.
    }
}
