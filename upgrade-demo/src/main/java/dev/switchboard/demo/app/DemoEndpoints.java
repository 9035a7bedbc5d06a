package dev.switchboard.demo.app;

import dev.switchboard.demo.app.chat.ChatEndpoint;
import dev.switchboard.demo.app.chat.ChatRoom;
import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketEndpoints;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * The demo's WebSocket endpoints, registered with Switchboard (which validates every
 * handshake and applies the policy before endpoint code runs):
 * <ul>
 *   <li>{@code /ws/chat}: {@code chat.v2} then {@code chat.v1} by server preference, one of
 *       them required; permessage-deflate allowed; the origin policy of
 *       {@code switchboard.websocket.origins} (same-origin unless the deployment adds more);</li>
 *   <li>{@code /ws/echo}: no subprotocol.</li>
 * </ul>
 * Deployers override either with {@code switchboard.websocket.endpoint.chat.*} /
 * {@code .echo.*} context params.
 */
public final class DemoEndpoints implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ChatRoom room = ChatRoom.of(event.getServletContext());
        WebSocketEndpoints.of(event.getServletContext())
                .add(WebSocketEndpoint.builder("/ws/chat", () -> new ChatEndpoint(room))
                        .name("chat")
                        .subprotocols(SubprotocolPolicy.serverPreference("chat.v2", "chat.v1").withRequired(true))
                        .build())
                .add(WebSocketEndpoint.builder("/ws/echo", EchoSocket.class).name("echo").build());
    }
}
