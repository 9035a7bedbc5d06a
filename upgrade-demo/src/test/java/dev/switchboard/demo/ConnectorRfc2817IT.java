package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.tls.Rfc2817Client;

/** RFC 2817's mandatory form at the demo's cleartext connector, as CUPS clients use it. */
class ConnectorRfc2817IT {

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    @Test
    @DisplayName("TLS-12 OPTIONS * with Upgrade: TLS/1.2 gets 101, then TLS, then /secure/ over a keep-alive connection")
    void optionsStarUpgradesAndServesTheSecureArea() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            c.send("OPTIONS * HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("TLS/1.2, HTTP/1.1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            RawConnection tls = Rfc2817Client.startTls(c, DemoTls.trusting(demo.keystore()), "localhost",
                    demo.httpPort());
            RawConnection.Response options = tls.readResponse();
            assertThat(options.status()).isEqualTo(200);
            assertThat(options.head().values("Allow")).isNotEmpty();
            for (int i = 0; i < 2; i++) {
                tls.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort() + "\r\n\r\n");
                RawConnection.Response r = tls.readResponse();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.head().values("Connection")).doesNotContain("close");
                assertThat(r.bodyText()).contains("an RFC 2817 upgrade at the cleartext connector",
                        "<dd id=\"secure\">true</dd>", "<dd id=\"scheme\">https</dd>");
            }
            tls.close();
        }
    }
}
