package dev.switchboard.it.app.ws;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An annotated endpoint with the container's own configurator: Switchboard validates its
 * handshakes and applies the application-wide policy, then leaves the rest to the container.
 */
@ServerEndpoint(value = "/a/container", subprotocols = {Policies.CHAT_V2, Policies.CHAT_V1})
public class ContainerEcho {

    @OnMessage
    public String text(String message) {
        return message;
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // Raw-socket tests drop connections without a close frame; that is not an error here.
    }
}
