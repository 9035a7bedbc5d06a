package dev.switchboard.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.servlet.SwitchboardInitializer;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Real upgrades on an embedded Tomcat, Switchboard started by its own initializer with
 * {@code echo/1}, and the binder bound from a {@code ServletContextListener}: the meters say
 * what went over the wire.
 */
class SwitchboardMetricsOnTomcatTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Tomcat tomcat;

    @BeforeEach
    void start() throws IOException, LifecycleException {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "metrics-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("/app", base.toString());
        context.addParameter("switchboard.protocols", "echo");
        context.addServletContainerInitializer(new SwitchboardInitializer(), null);
        context.addServletContainerInitializer((classes, servletContext) -> servletContext.addListener(new Binding()), null);
        Tomcat.addServlet(context, "plain", new PlainServlet());
        context.addServletMapping("/", "plain");
        tomcat.start();
    }

    @AfterEach
    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void anEchoUpgradeCountsAsSwitchedWithItsHandshakeDuration() throws IOException {
        try (RawConnection c = connect()) {
            c.send(upgrade("HTTP/1.1", "echo/1"));
            assertThat(c.readHead().statusLine()).isEqualTo("HTTP/1.1 101 ");
        }

        assertThat(meter("switchboard.upgrade.requests").functionCounter().count()).isEqualTo(1);
        assertThat(meter("switchboard.upgrades").tags("protocol", "echo/1", "outcome", "switched", "reason", "none")
                .counter().count()).isEqualTo(1);
        assertThat(meter("switchboard.upgrade.duration").tags("protocol", "echo/1").timer().count()).isEqualTo(1);
    }

    @Test
    void aClosedEchoConnectionRecordsItsBytesAndLifetime() throws IOException {
        try (RawConnection c = connect()) {
            c.send(upgrade("HTTP/1.1", "echo/1"));
            c.readHead();
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
            assertThat(meter("switchboard.connections.active").tags("protocol", "echo/1").gauge().value()).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meter("switchboard.connection.duration").tags("protocol", "echo/1").timer().count()).isEqualTo(1));
        assertThat(meter("switchboard.connections.active").tags("protocol", "echo/1").gauge().value()).isZero();
        assertThat(meter("switchboard.bytes.received").tags("protocol", "echo/1").functionCounter().count()).isEqualTo(4);
        assertThat(meter("switchboard.bytes.sent").tags("protocol", "echo/1").functionCounter().count()).isEqualTo(4);
    }

    @Test
    void anHttp10UpgradeCountsAsIgnored() throws IOException {
        try (RawConnection c = connect()) {
            c.send(upgrade("HTTP/1.0", "echo/1"));
            assertThat(c.readHead().statusLine()).isEqualTo("HTTP/1.1 200 ");
        }

        assertThat(meter("switchboard.upgrades").tags("protocol", "none", "outcome", "ignored", "reason", "http-1.0")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aMalformedUpgradeCountsAsRejected() throws IOException {
        try (RawConnection c = connect()) {
            c.send(upgrade("HTTP/1.1", "echo/1/2"));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 400 ");
        }

        assertThat(meter("switchboard.upgrades").tags("protocol", "none", "outcome", "rejected", "reason", "invalid-field")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void anUnknownProtocolCountsAsUnmatched() throws IOException {
        try (RawConnection c = connect()) {
            c.send(upgrade("HTTP/1.1", "foo/2"));
            assertThat(c.readHead().statusLine()).isEqualTo("HTTP/1.1 200 ");
        }

        assertThat(meter("switchboard.upgrades").tags("protocol", "none", "outcome", "unmatched").counter().count())
                .isEqualTo(1);
    }

    private RawConnection connect() throws IOException {
        return RawConnection.open("127.0.0.1", tomcat.getConnector().getLocalPort());
    }

    private static String upgrade(String version, String offer) {
        return "GET /app/x " + version + "\r\nHost: 127.0.0.1\r\nUpgrade: " + offer + "\r\nConnection: upgrade\r\n\r\n";
    }

    private RequiredSearch meter(String name) {
        return registry.get(name).tag("context", "/app");
    }

    /** Binds the metrics when the application starts, as an application (or Spring Boot) would. */
    private final class Binding implements ServletContextListener {
        private SwitchboardMetrics metrics;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            metrics = new SwitchboardMetrics(event.getServletContext());
            metrics.bindTo(registry);
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            metrics.close();
        }
    }

    /** Answers every request that is not switched with 200 and an empty body. */
    private static final class PlainServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(200);
            response.setContentLength(0);
        }
    }
}
