package dev.switchboard.boot;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.SwitchboardFilter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.springframework.context.SmartLifecycle;

/**
 * Ends Switchboard's long-lived connections when the application stops, before Boot's graceful
 * shutdown ({@code server.shutdown=graceful}) starts waiting for requests to finish: the
 * WebSocket sessions Switchboard tracks are closed with 1001 (going away) and the tunnels are
 * closed at both ends, so that neither holds the shutdown until its timeout. Requests for a
 * tunnel that arrive after this are served by the application as if the tunnel were not there.
 */
final class SwitchboardShutdown implements SmartLifecycle {

    /** Stops before Boot's graceful shutdown of the web server (phase {@code DEFAULT_PHASE - 1024}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    /** {@code upgrade-websocket}'s listener that closes the tracked sessions with 1001. */
    static final String WEBSOCKET_SHUTDOWN = "dev.switchboard.websocket.WebSocketInitializer$Shutdown";

    private static final Logger LOG = Logger.getLogger(SwitchboardShutdown.class.getName());

    private final ServletContextSupplier context;
    private final Supplier<List<SwitchboardFilter>> filters;
    private volatile boolean running;

    /** Supplies the servlet context once the web server has one. */
    interface ServletContextSupplier {
        ServletContext get();
    }

    SwitchboardShutdown(ServletContextSupplier context, Supplier<List<SwitchboardFilter>> filters) {
        this.context = context;
        this.filters = filters;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ServletContext servletContext = context.get();
        if (servletContext != null) {
            closeWebSocketSessions(servletContext);
        }
        for (SwitchboardFilter f : filters.get()) {
            f.stop(Phase.TUNNEL_ROUTES);
        }
    }

    private static void closeWebSocketSessions(ServletContext servletContext) {
        try {
            Class<?> type = Class.forName(WEBSOCKET_SHUTDOWN, true, SwitchboardShutdown.class.getClassLoader());
            ((ServletContextListener) type.getConstructor().newInstance())
                    .contextDestroyed(new ServletContextEvent(servletContext));
        } catch (ClassNotFoundException | LinkageError e) {
            // no WebSocket module: nothing to close
        } catch (ReflectiveOperationException e) {
            LOG.warning("Could not close the WebSocket sessions before shutdown: " + e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
