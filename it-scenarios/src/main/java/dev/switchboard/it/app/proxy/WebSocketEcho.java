package dev.switchboard.it.app.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** A WebSocket endpoint that sends every text and binary message back unchanged. */
public class WebSocketEcho extends Endpoint {

    /** Largest message echoed. */
    public static final int MAX_MESSAGE = 1 << 20;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException e) {
                close(session, e);
            }
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
            try {
                session.getBasicRemote().sendBinary(data);
            } catch (IOException e) {
                close(session, e);
            }
        });
    }

    private static void close(Session session, IOException cause) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "echo failed"));
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
