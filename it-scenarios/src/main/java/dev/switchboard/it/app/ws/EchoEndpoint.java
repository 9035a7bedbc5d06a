package dev.switchboard.it.app.ws;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** A programmatic endpoint that sends every whole text and binary message back unchanged. */
public class EchoEndpoint extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> send(session, text));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> send(session, data));
    }

    static void send(Session session, Object message) {
        try {
            if (message instanceof String text) {
                session.getBasicRemote().sendText(text);
            } else {
                session.getBasicRemote().sendBinary((ByteBuffer) message);
            }
        } catch (IOException e) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "echo failed"));
            } catch (IOException ignored) {
                // the connection is gone
            }
        }
    }
}
