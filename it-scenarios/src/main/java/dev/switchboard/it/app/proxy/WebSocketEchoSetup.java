package dev.switchboard.it.app.proxy;

import java.util.List;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Deploys {@link WebSocketEcho} at {@code /ws} with subprotocols {@code chat.v2} and
 * {@code chat.v1}; the container negotiates permessage-deflate itself. A listener, because
 * that works on every container whatever order its initializers run in.
 */
@WebListener
public class WebSocketEchoSetup implements ServletContextListener {

    /** The endpoint's path inside the application. */
    public static final String PATH = "/ws";

    /** The subprotocols the endpoint speaks. */
    public static final List<String> SUBPROTOCOLS = List.of("chat.v2", "chat.v1");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("the container offers no WebSocket ServerContainer");
        }
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(WebSocketEcho.class, PATH)
                    .subprotocols(SUBPROTOCOLS).build());
        } catch (DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }
}
