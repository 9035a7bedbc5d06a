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
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * A Boot application with {@code server.forward-headers-strategy=framework} (Spring's
 * ForwardedHeaderFilter believes every client) and Spring Security asking for a user
 * everywhere: Switchboard's TLS policy still decides first, on the connection and its own
 * trusted proxies (none here). The same application, with Boot's metrics and the Jetty adapter
 * on the class path as the starter brings them, also shows that the upgrades are counted in the
 * application's registry and that the adapter stays out of the way on Tomcat (one Boot start
 * for all).
 */
class BootFilterOrderTest {

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
        app = RunningApp.start(List.of(TestApplication.class),
                "server.forward-headers-strategy=framework",
                "switchboard.tls.protect=/secure/*");
    }

    @AfterAll
    static void stop() {
        app.close();
        SWITCHBOARD_LOG.removeHandler(RECORDER);
    }

    @Test
    @DisplayName("TLS-09 a forged X-Forwarded-Proto under the framework strategy gets 426, never the protected page")
    void forgedForwardedProtoGets426() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            RawConnection.Response response = c.send("GET /secure/page HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n").readResponse();

            assertThat(response.head().statusLine()).isEqualTo("HTTP/1.1 426 ");
            assertThat(response.head().field("Upgrade")).contains("TLS/1.3, TLS/1.2, HTTP/1.1");
            assertThat(response.bodyText()).doesNotContain("the protected page");
        }
    }

    @Test
    @DisplayName("TLS-05 a cleartext request for a protected resource gets 426 in a Boot application")
    void cleartextGets426() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            RawConnection.Response response = c.send("GET /secure/page HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").readResponse();

            assertThat(response.status()).isEqualTo(426);
            assertThat(response.head().values("Connection")).contains("upgrade");
        }
    }

    @Test
    @DisplayName("TLS-06 Spring Security does not turn a cleartext request for a protected resource into a 401 before the 426")
    void springSecurityComesAfterTheTlsPolicy() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            RawConnection.Response response = c.send("GET /secure/page HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/html\r\nConnection: close\r\n\r\n").readResponse();

            assertThat(response.status()).isEqualTo(426);
            assertThat(response.head().has("WWW-Authenticate")).isFalse();
            assertThat(response.head().has("Location")).isFalse();
        }
    }

    @Test
    void springSecurityStillGuardsTheResourcesTheTlsPolicyLetsThrough() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            RawConnection.Response response = c.send("GET /open HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").readResponse();

            assertThat(response.status()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("UPG-06 an UpgradeProtocol bean is offered: its 101 names exactly echo/1, then the bytes come back")
    void anUpgradeProtocolBeanSwitches() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            c.send("GET /open HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");

            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            assertThat(head.asMap().keySet()).containsOnly("upgrade", "connection", "date"); // Boot's Tomcat adds Date
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    @Test
    void theUpgradesAreCountedInTheApplicationsMeterRegistry() throws IOException {
        MeterRegistry registry = app.context().getBean(MeterRegistry.class);
        double before = echoSwitched(registry); // other tests of this class switch to echo/1 too

        for (int i = 0; i < 2; i++) {
            try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
                c.send("GET /open HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
                assertThat(c.readHead().status()).isEqualTo(101);
            }
        }

        assertThat(echoSwitched(registry)).isEqualTo(before + 2);
    }

    private static double echoSwitched(MeterRegistry registry) {
        Counter switched = registry.find("switchboard.upgrades")
                .tags("context", "/", "protocol", "echo/1", "outcome", "switched", "reason", "none").counter();
        return switched == null ? 0 : switched.count();
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
