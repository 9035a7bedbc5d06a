package dev.switchboard.it.app.order;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A Jakarta WebSocket endpoint at {@code /ws} that echoes text messages. */
@ServerEndpoint("/ws")
public class EchoEndpoint {

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
