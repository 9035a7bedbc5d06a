package dev.switchboard.sample;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@code /ws/echo}, a Spring WebSocket handler written as for any Boot application. Its policy
 * (same origin only, subprotocol {@code echo.v1} required, session limits) is Switchboard's, set
 * in {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketEcho implements WebSocketConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new Echo(), "/ws/echo");
    }

    /** Sends every message back as it came. */
    static final class Echo extends AbstractWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
            session.sendMessage(message);
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
            session.sendMessage(message);
        }
    }
}
