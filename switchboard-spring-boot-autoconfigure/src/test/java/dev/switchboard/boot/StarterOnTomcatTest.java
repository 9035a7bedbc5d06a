package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.switchboard.boot.app.RunningApp;
import dev.switchboard.boot.app.TestApplication;
import dev.switchboard.it.RawConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * The starter in a Boot application on Tomcat with Boot's metrics and the Jetty adapter on the
 * class path, as the starter brings them: the upgrades show in the application's registry, and
 * the adapter stays out of the way.
 */
class StarterOnTomcatTest {

    /** upgrade-servlet's {@code ContainerUpgrade.ATTRIBUTE}, where the Jetty adapter installs itself. */
    private static final String CONTAINER_UPGRADE = "dev.switchboard.servlet.ContainerUpgrade";

    /** Held here: java.util.logging keeps loggers only while someone refers to them. */
    private static final Logger SWITCHBOARD_LOG = Logger.getLogger("dev.switchboard");
    private static final List<LogRecord> WARNINGS = new CopyOnWriteArrayList<>();
    private static final Handler RECORDER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                WARNINGS.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static RunningApp app;

    @BeforeAll
    static void start() {
        SWITCHBOARD_LOG.addHandler(RECORDER);
        app = RunningApp.start(List.of(TestApplication.class));
    }

    @AfterAll
    static void stop() {
        app.close();
        SWITCHBOARD_LOG.removeHandler(RECORDER);
    }

    private static void switchToEcho() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            c.send("GET /open HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    @Test
    void theUpgradesAreCountedInTheApplicationsMeterRegistry() throws IOException {
        switchToEcho();
        switchToEcho();

        MeterRegistry registry = app.context().getBean(MeterRegistry.class);
        assertThat(registry.get("switchboard.upgrades")
                .tags("context", "/", "protocol", "echo/1", "outcome", "switched", "reason", "none")
                .counter().count()).isEqualTo(2.0);
    }

    @Test
    void theJettyAdapterStaysOutOfATomcatApplication() {
        WebApplicationContext context = (WebApplicationContext) app.context();

        assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName())
                .isEqualTo("TomcatWebServer");
        assertThat(context.getServletContext().getAttribute(CONTAINER_UPGRADE)).isNull();
        assertThat(WARNINGS).extracting(LogRecord::getLoggerName).noneMatch(name -> name.contains("jetty")
                || name.contains("Jetty"));
    }
}
