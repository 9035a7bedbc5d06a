package dev.switchboard.boot;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * The one place where the starter meets Switchboard's own start-up code, which a container
 * runs through {@code ServletContainerInitializer}s that Boot's embedded containers never
 * look for. Everything here stands in for what those initializers do in a WAR (the filter itself
 * is registered by {@link SwitchboardFilterRegistrar}):
 * <ul>
 *   <li>{@link #start(ServletContext, ClassLoader, Set)}: the initializers of the optional
 *       modules that are on the class path, run as the container would run them: the WebSocket
 *       module's, and the Jetty adapter's when Jetty 12.1 or later is the server
 *       ({@link JettyServer}; the starter brings the adapter, so a Tomcat application has it on
 *       its class path too, where it must stay silent).</li>
 * </ul>
 * When Switchboard starts as one runtime per context, this class starts that runtime instead.
 */
final class SwitchboardModules {

    /** The WebSocket module's initializer: annotated endpoints, and 1001 when the application stops. */
    static final String WEBSOCKET_INITIALIZER = "dev.switchboard.websocket.WebSocketInitializer";
    /** The Jetty adapter's initializer: Jetty's connection upgrade in place of {@code upgrade()}. */
    static final String JETTY_INITIALIZER = "dev.switchboard.jetty.JettyUpgradeInitializer";

    private SwitchboardModules() {
    }

    /**
     * Runs the initializers of the optional modules present on {@code loader}'s class path that
     * serve {@code context}'s server.
     *
     * @param endpointClasses the application's {@code @ServerEndpoint} classes
     */
    static void start(ServletContext context, ClassLoader loader, Set<Class<?>> endpointClasses)
            throws ServletException {
        run(WEBSOCKET_INITIALIZER, loader, endpointClasses, context);
        if (JettyServer.adapterServes(context.getServerInfo())) {
            run(JETTY_INITIALIZER, loader, Set.of(), context);
        }
    }

    private static void run(String initializer, ClassLoader loader, Set<Class<?>> classes, ServletContext context)
            throws ServletException {
        Class<?> type;
        try {
            type = Class.forName(initializer, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return; // the module, or the API it needs (such as Jakarta WebSocket), is not on the class path
        }
        try {
            ServletContainerInitializer sci = (ServletContainerInitializer) type.getConstructor().newInstance();
            sci.onStartup(classes, context);
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Cannot run " + initializer + ": " + e, e);
        }
    }
}
