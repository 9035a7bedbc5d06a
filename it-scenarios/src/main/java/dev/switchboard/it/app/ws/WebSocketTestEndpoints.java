package dev.switchboard.it.app.ws;

import java.time.Duration;
import java.util.List;

import dev.switchboard.websocket.SessionLimits;
import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketEndpoints;
import dev.switchboard.websocket.handshake.DeflatePolicy;
import dev.switchboard.websocket.handshake.OriginPolicy;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers the programmatic endpoints of the WebSocket test application, under {@code /p/}.
 * Those with an annotated twin under {@code /a/} have the same policy; {@code /p/defaults} has
 * every default of the policy (and of the application's parameters).
 */
@WebListener
public class WebSocketTestEndpoints implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        OriginPolicy origins = OriginPolicy.builder()
                .origins(List.of(Policies.SAME_ORIGIN, Policies.ALLOWED_ORIGIN, Policies.ALLOWED_PATTERN)).build();
        WebSocketEndpoints.of(event.getServletContext())
                .add(WebSocketEndpoint.builder("/p/echo", EchoEndpoint.class)
                        .subprotocols(SubprotocolPolicy.serverPreference(Policies.CHAT_V2, Policies.CHAT_V1))
                        .origins(origins)
                        .policy(p -> p.maxMessageSize(Policies.ECHO_MAX_MESSAGE_BYTES))
                        .build())
                .add(WebSocketEndpoint.of("/p/defaults", EchoEndpoint.class))
                .add(WebSocketEndpoint.builder("/p/required", EchoEndpoint.class)
                        .subprotocols(SubprotocolPolicy.clientPreference(Policies.CHAT_V2).withRequired(true))
                        .build())
                .add(WebSocketEndpoint.builder("/p/nodeflate", EchoEndpoint.class)
                        .deflate(DeflatePolicy.DISABLED)
                        .build())
                .add(WebSocketEndpoint.builder("/p/notakeover", EchoEndpoint.class)
                        .deflate(DeflatePolicy.DEFAULT.withServerNoContextTakeover(true).withClientNoContextTakeover(true))
                        .build())
                .add(WebSocketEndpoint.builder("/p/winbits", EchoEndpoint.class)
                        .deflate(DeflatePolicy.DEFAULT.withClientMaxWindowBits(10))
                        .build())
                .add(WebSocketEndpoint.builder("/p/auth", EchoEndpoint.class)
                        .authorizer(new TokenAuthorizer())
                        .build())
                .add(WebSocketEndpoint.builder("/p/limited", EchoEndpoint.class)
                        .limits(new SessionLimits(2, Duration.ofMinutes(5), 1024))
                        .build())
                .add(WebSocketEndpoint.builder("/p/idle", EchoEndpoint.class)
                        .policy(p -> p.idleTimeout(Duration.ofSeconds(1)))
                        .build())
                .add(WebSocketEndpoint.builder("/p/rooms/{room}", RoomEndpoint.class)
                        .authorizer(new RoomAuthorizer())
                        .build())
                .add(WebSocketEndpoint.builder("/p/xml", EchoEndpoint.class)
                        .name("xml")
                        .build())
                .add(WebSocketEndpoint.builder("/p/proxied", EchoEndpoint.class)
                        .name("proxied")
                        .build());
    }
}
