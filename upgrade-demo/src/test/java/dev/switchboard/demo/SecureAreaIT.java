package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.RawConnection;
import dev.switchboard.it.ResponseHead;
import dev.switchboard.it.tls.Rfc2817Client;

/** {@code /secure/}: 426 in cleartext, served over https and over an RFC 2817 upgrade. */
class SecureAreaIT {

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    @Test
    @DisplayName("TLS-05 a cleartext GET of /secure/ gets 426 naming TLS and the https URL with the chosen port")
    void cleartextGets426() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\n\r\n").readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 426 ");
            assertThat(r.head().values("Upgrade")).containsExactly("TLS/1.3, TLS/1.2, HTTP/1.1");
            assertThat(r.head().values("Connection")).containsExactly("upgrade");
            assertThat(r.bodyText()).contains("https://localhost:" + demo.httpsPort() + "/secure/");
        }
    }

    @Test
    @DisplayName("TLS-05 a browser asking for HTML gets a page that explains the 426")
    void browserGetsExplainingPage() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nAccept: text/html\r\n\r\n").readResponse();
            assertThat(r.status()).isEqualTo(426);
            assertThat(r.head().values("Content-Type")).singleElement().asString().startsWith("text/html");
            assertThat(r.bodyText()).contains("https://localhost:" + demo.httpsPort() + "/secure/");
        }
    }

    @Test
    @DisplayName("over https the secure page is served and says it came through the https connector")
    void servedOverHttps() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(DemoTls.trusting(demo.keystore())).build().send(
                HttpRequest.newBuilder(demo.https("/secure/")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<strong id=\"how\">the https connector</strong>",
                "<dd id=\"secure\">true</dd>", "<dd id=\"scheme\">https</dd>");
    }

    @Test
    @DisplayName("TLS-01 an RFC 2817 upgrade of the cleartext connection gets 101 and then the page over TLS")
    void servedOverRfc2817() throws Exception {
        long before = DemoStats.read(demo).path("protocols").path("tls").path("upgrades").asLong();
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            c.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("TLS/1.2, HTTP/1.1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            RawConnection tls = Rfc2817Client.startTls(c, DemoTls.trusting(demo.keystore()), "localhost",
                    demo.httpPort());
            RawConnection.Response r = tls.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).contains("an RFC 2817 upgrade of a cleartext connection",
                    "<dd id=\"secure\">true</dd>", "<dd id=\"scheme\">http</dd>");
            tls.close();
        }
        assertThat(DemoStats.read(demo).path("protocols").path("tls").path("upgrades").asLong()).isGreaterThan(before);
    }
}
