package dev.switchboard.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SwitchboardInitializer;
import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketEndpoints;
import dev.switchboard.websocket.WebSocketInitializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * A WebSocket session through Switchboard's {@code websocket} protocol on an embedded Tomcat,
 * opened and closed by the JDK's client: the meters have its handshake, its lifetime and the
 * close code the client chose.
 */
class WebSocketMetricsOnTomcatTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Tomcat tomcat;

    @BeforeEach
    void start() throws IOException, LifecycleException {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "metrics-ws-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("/app", base.toString());
        context.addParameter("switchboard.protocols", "websocket");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(new WebSocketInitializer(), null);
        context.addServletContainerInitializer(new SwitchboardInitializer(), null);
        context.addServletContainerInitializer((classes, servletContext) -> servletContext.addListener(new Application()),
                null);
        Tomcat.addServlet(context, "plain", new HttpServlet() {
            private static final long serialVersionUID = 1L;
        });
        context.addServletMapping("/", "plain");
        tomcat.start();
    }

    @AfterEach
    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aClosedSessionRecordsItsHandshakeLifetimeAndCloseCode() throws Exception {
        CompletableFuture<Integer> serverClose = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/app/ws"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                                serverClose.complete(statusCode);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        ws.sendClose(4001, "done").get(10, TimeUnit.SECONDS);
        assertThat(serverClose.get(10, TimeUnit.SECONDS)).isEqualTo(4001);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.get("switchboard.closes")
                .tags("context", "/app", "protocol", "websocket", "code", "4xxx").counter().count()).isEqualTo(1));
        assertThat(registry.get("switchboard.connection.duration").tags("protocol", "websocket").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("switchboard.upgrade.duration").tags("protocol", "websocket").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("switchboard.upgrades").tags("protocol", "websocket", "outcome", "switched")
                .counter().count()).isEqualTo(1);
    }

    /** Registers the endpoint and binds the metrics, as an application would at start. */
    private final class Application implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            WebSocketEndpoints.of(event.getServletContext()).add(WebSocketEndpoint.of("/ws", Silent.class));
            new SwitchboardMetrics(event.getServletContext()).bindTo(registry);
        }
    }

    /** An endpoint that does nothing: the client opens and closes. */
    public static final class Silent extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }
}
