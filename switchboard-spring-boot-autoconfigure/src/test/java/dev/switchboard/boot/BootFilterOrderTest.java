package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.switchboard.boot.app.RunningApp;
import dev.switchboard.boot.app.TestApplication;
import dev.switchboard.it.RawConnection;
import dev.switchboard.it.ResponseHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Boot application with {@code server.forward-headers-strategy=framework} (Spring's
 * ForwardedHeaderFilter believes every client) and Spring Security asking for a user
 * everywhere: Switchboard's TLS policy still decides first, on the connection and its own
 * trusted proxies (none here).
 */
class BootFilterOrderTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(List.of(TestApplication.class),
                "server.forward-headers-strategy=framework",
                "switchboard.tls.protect=/secure/*");
    }

    @AfterAll
    static void stop() {
        app.close();
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
}
