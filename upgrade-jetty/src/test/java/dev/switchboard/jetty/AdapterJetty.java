package dev.switchboard.jetty;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.UpgradeFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRegistry;

/**
 * A Jetty 12.1 ee10 server with the adapter installed by its own initializer and an
 * {@link UpgradeFilter} offering the given protocols, on a free loopback port; a
 * {@code CONNECT} becomes a tunnel to {@code upper/1} through the adapter. The context has a
 * class loader of its own, so that tests can see callbacks run in it.
 */
final class AdapterJetty implements AutoCloseable {

    /** The context's class loader: what handlers must see as their thread's context class loader. */
    static final ClassLoader APPLICATION_LOADER =
            new URLClassLoader("application", new URL[0], AdapterJetty.class.getClassLoader());

    private final Server server;
    private final ServerConnector connector;

    private AdapterJetty(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts Jetty with a connector idle timeout of {@code idleTimeout} and handlers with the
     * given options, offering {@code protocols}.
     */
    static AdapterJetty start(Duration idleTimeout, HandlerOptions handlerOptions, List<UpgradeProtocol> protocols)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.setClassLoader(APPLICATION_LOADER);
        context.addServletContainerInitializer(new JettyUpgradeInitializer());
        UpgradeRegistry registry = UpgradeRegistry.standalone("adapter-test");
        protocols.forEach(registry::register);
        UpgradeOptions options = UpgradeOptions.builder().handlerOptions(handlerOptions).build();
        context.addFilter(new FilterHolder(new ConnectTunnelFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new UpgradeFilter(options, registry)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new CommittedUpgradeServlet()), "/app/committed");
        context.addServlet(new ServletHolder(new PlainServlet()), "/");
        server.setHandler(context);
        server.start();
        return new AdapterJetty(server, connector);
    }


    RawConnection connect() throws IOException {
        return RawConnection.open("127.0.0.1", connector.getLocalPort());
    }

    /** A request head for {@code /app/<path>} that offers {@code protocol}. */
    static String upgradeRequest(String path, String protocol) {
        return "GET /app/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: " + protocol
                + "\r\nConnection: upgrade\r\n\r\n";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }

    /**
     * Answers every {@code CONNECT} with {@code 200} and switches it to {@link Handlers.BlockingUpper}
     * through the adapter, as a tunnel would (Jetty's own {@code upgrade()} only switches with a 101).
     */
    static final class ConnectTunnelFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if (!"CONNECT".equals(http.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            ((HttpServletResponse) response).setStatus(200);
            new JettyUpgrade().apply(http, Handlers.BlockingUpper.class);
        }
    }

    /** Answers {@code served as HTTP}: what a request that reached the application gets. */
    static final class PlainServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        static final String BODY = "served as HTTP";

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(BODY);
        }
    }

    /** Commits a response, then asks the adapter to switch, and reports what it said in the body. */
    static final class CommittedUpgradeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("committed; ");
            response.flushBuffer();
            try {
                new JettyUpgrade().apply(request, Handlers.Lifecycle.class);
                response.getWriter().print("switched");
            } catch (IllegalStateException e) {
                response.getWriter().print(e.getMessage());
            }
        }
    }
}
