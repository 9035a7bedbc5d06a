package dev.switchboard.demo.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardEngine;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.core.StandardService;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import dev.switchboard.demo.app.EchoSocket;
import dev.switchboard.servlet.UpgradeFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.echo.EchoProtocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The default target of {@code /tunnel/}: a small application in a second service of the same
 * Tomcat, on its own free loopback port, so the tunnel has a real server behind it. It speaks
 * WebSocket at {@code /ws/echo} (Tomcat's own endpoint, no Switchboard policy: the tunnel's
 * job is to reach whatever is behind it) and {@code echo/1} on any path.
 */
final class TunnelBackend {

    /** Where a plain request to the backend is told what it serves. */
    static final String BANNER = "Switchboard demo tunnel backend: WebSocket echo at /ws/echo, echo/1 on any path\n";

    private final Connector connector;

    private TunnelBackend(Connector connector) {
        this.connector = connector;
    }

    /** Adds the backend's service to {@code tomcat}; it starts and stops with it. */
    static TunnelBackend addTo(Tomcat tomcat, Path workDir) throws IOException {
        StandardService service = new StandardService();
        service.setName("tunnel-backend");
        StandardEngine engine = new StandardEngine();
        engine.setName("tunnel-backend");
        engine.setDefaultHost("localhost");
        StandardHost host = new StandardHost();
        host.setName("localhost");
        host.setAppBase(Files.createDirectories(workDir.resolve("backend-webapps")).toString());
        engine.addChild(host);
        service.setContainer(engine);
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        service.addConnector(connector);
        tomcat.getServer().addService(service);

        Context context = tomcat.addContext(host, "", Files.createDirectories(workDir.resolve("backend-docs")).toString());
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(EchoSocket.class, "/ws/echo").build());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
            UpgradeRegistry registry = UpgradeRegistry.standalone("tunnel-backend").register(new EchoProtocol());
            // No provider from the launcher's class path (its websocket protocol would put Switchboard's
            // same-origin policy in front of Tomcat's endpoint): the gateway's route decides who may come.
            UpgradeOptions options = UpgradeOptions.builder().protocols(List.of()).build();
            var filter = servletContext.addFilter("echo", new UpgradeFilter(options, registry));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(null, false, "/*");
        }, null);
        Tomcat.addServlet(context, "banner", new BannerServlet());
        context.addServletMapping("/", "banner");
        return new TunnelBackend(connector);
    }

    /** The backend's URL; its port is known once the server is initialised. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    /** Answers requests that are not upgrades. */
    private static final class BannerServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(BANNER);
        }
    }
}
