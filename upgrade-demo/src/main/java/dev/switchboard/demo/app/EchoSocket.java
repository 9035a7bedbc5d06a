package dev.switchboard.demo.app;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** {@code /ws/echo}: every text and binary message comes back as it was sent. No subprotocol. */
public final class EchoSocket extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> echo(session, text));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> echo(session, data));
    }

    private static void echo(Session session, Object message) {
        try {
            // Messages of a session arrive one at a time: a blocking send keeps their order.
            if (message instanceof String text) {
                session.getBasicRemote().sendText(text);
            } else {
                session.getBasicRemote().sendBinary((ByteBuffer) message);
            }
        } catch (IOException e) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "echo failed"));
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
