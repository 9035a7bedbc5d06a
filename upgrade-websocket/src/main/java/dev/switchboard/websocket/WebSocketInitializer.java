package dev.switchboard.websocket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import dev.switchboard.websocket.handshake.WebSocketSpec;
import dev.switchboard.websocket.internal.AnnotatedEndpoint;
import dev.switchboard.websocket.internal.PathTemplate;
import dev.switchboard.websocket.internal.SessionRegistry;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Sets the WebSocket part of Switchboard up when its jar is in {@code WEB-INF/lib}:
 * <ol>
 *   <li>records the application's {@code @ServerEndpoint} classes, so that the {@code websocket}
 *       protocol knows their paths, subprotocols and {@link WebSocketPolicy}; a class with a
 *       {@code WebSocketPolicy} whose configurator is not {@link SwitchboardConfigurator} fails
 *       the deployment, since its policy could not be applied;</li>
 *   <li>adds a listener that closes every session Switchboard tracks with 1001 (going away)
 *       when the application stops (WS-14).</li>
 * </ol>
 */
@HandlesTypes(ServerEndpoint.class)
public final class WebSocketInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(WebSocketInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        List<AnnotatedEndpoint> annotated = new ArrayList<>();
        if (classes != null) {
            for (Class<?> type : classes) {
                ServerEndpoint endpoint = type.getAnnotation(ServerEndpoint.class);
                if (endpoint != null) {
                    annotated.add(describe(type, endpoint));
                }
            }
        }
        context.setAttribute(AnnotatedEndpoint.ATTRIBUTE, List.copyOf(annotated));
        context.addListener(new Shutdown());
        LOG.fine(() -> "Annotated WebSocket endpoints: " + annotated);
    }

    private static AnnotatedEndpoint describe(Class<?> type, ServerEndpoint endpoint) throws ServletException {
        WebSocketPolicy policy = type.getAnnotation(WebSocketPolicy.class);
        boolean ours = SwitchboardConfigurator.class.isAssignableFrom(endpoint.configurator());
        if (policy != null && !ours) {
            throw new ServletException("@WebSocketPolicy on " + type.getName() + " needs @ServerEndpoint(configurator = "
                    + SwitchboardConfigurator.class.getSimpleName() + ".class); it names "
                    + endpoint.configurator().getName());
        }
        try {
            return new AnnotatedEndpoint(endpoint.value(), PathTemplate.parse(endpoint.value()), type,
                    Arrays.asList(endpoint.subprotocols()), policy, ours);
        } catch (IllegalArgumentException e) {
            throw new ServletException("@ServerEndpoint on " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Closes the sessions Switchboard tracks when the application stops. */
    public static final class Shutdown implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            SessionRegistry.of(event.getServletContext()).closeAll(new CloseReason(
                    CloseReason.CloseCodes.getCloseCode(WebSocketSpec.CLOSE_GOING_AWAY), "The application is stopping"));
        }
    }
}
