package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.boot.app.RunningApp;
import dev.switchboard.boot.app.TestApplication;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.tls.ConnectorKeys;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * RFC 2817 at Boot's embedded Tomcat connector, from properties alone:
 * {@code switchboard.tls.connector.*} installs upgrade-tomcat's {@code ConnectorTls}, so that
 * {@code OPTIONS *} with {@code Upgrade: TLS/1.2} gets a 101, TLS on the same socket, and the
 * application's answers over it; the 426 page then offers that upgrade.
 */
class ConnectorTlsBootTest {

    private static final String AUTHORIZATION = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.US_ASCII)) + "\r\n";

    private static RunningApp app;

    @BeforeAll
    static void start() {
        TestKeyStore keys = ConnectorKeys.store();
        app = RunningApp.start(List.of(TestApplication.class),
                "switchboard.tls.protect=/secure/*",
                "switchboard.tls.connector.keystore-file=" + keys.file(),
                "switchboard.tls.connector.keystore-password=" + keys.password(),
                "switchboard.tls.connector.key-alias=" + TestKeyStore.ALIAS,
                "spring.security.user.name=user",
                "spring.security.user.password=secret");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String optionsStar() {
        return "OPTIONS * HTTP/1.1\r\nHost: localhost:" + app.port() + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n";
    }

    private static SSLContext trust() {
        TestKeyStore keys = ConnectorKeys.store();
        return TestKeyStore.clientContextTrusting(keys.certificate(TestKeyStore.ALIAS));
    }

    @Test
    @DisplayName("TLS-12 OPTIONS * with Upgrade: TLS/1.2 to a Boot application's Tomcat gets a 101 naming TLS/1.2 over HTTP/1.1")
    void optionsStarGetsA101() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            ResponseHead head = c.send(optionsStar()).readHead();
            assertThat(head.statusLine()).as(head.raw()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("TLS/1.2, HTTP/1.1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
        }
    }

    @Test
    @DisplayName("TLS-12 after the 101 a Boot application serves the protected page over TLS on the same connection")
    void theUpgradedConnectionServesTheApplication() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            assertThat(c.send(optionsStar()).readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, trust(), "localhost", app.port());
            RawConnection.Response options = tls.readResponse();
            assertThat(options.head().version()).isEqualTo("HTTP/1.1");
            tls.send("GET /secure/page HTTP/1.1\r\nHost: localhost:" + app.port() + "\r\n" + AUTHORIZATION + "\r\n");
            RawConnection.Response page = tls.readResponse();
            assertThat(page.head().statusLine()).as(page.head().raw()).isEqualTo("HTTP/1.1 200 ");
            assertThat(page.bodyText()).isEqualTo("the protected page, secure=true");
        }
    }

    @Test
    @DisplayName("TLS-05 with the upgrade installed at the connector, the 426 page offers OPTIONS * at this port")
    void the426PageOffersTheUpgradeAtTheConnector() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            RawConnection.Response r = c.send("GET /secure/page HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\n"
                    + "Connection: close\r\n\r\n").readResponse();
            assertThat(r.status()).isEqualTo(426);
            assertThat(r.bodyText()).contains("\n  OPTIONS * HTTP/1.1\n  Upgrade: TLS/1.3\n  Connection: upgrade\n");
        }
    }
}
