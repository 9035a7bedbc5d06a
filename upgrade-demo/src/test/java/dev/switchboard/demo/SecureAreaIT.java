package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.tls.OpossumAttack;

/**
 * {@code /secure/}: 426 in cleartext, served over https. The https connector presents the same
 * key as RFC 2817, so a real request is never upgraded in place (the Opossum attack, TLS-11):
 * the demo shows RFC 2817's safe configuration, the mandatory form only.
 */
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
    @DisplayName("TLS-05 the plain-text 426 page offers exactly what the demo enables: the https URL with curl, and OPTIONS * at this port")
    void thePlainTextPageSaysWhatAClientCanDo() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nAccept: text/plain\r\n\r\n").readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 426 ");
            assertThat(r.head().values("Content-Type")).containsExactly("text/plain;charset=UTF-8");
            assertThat(r.bodyText()).isEqualTo(textPage());
        }
    }

    @Test
    @DisplayName("TLS-05 the HTML 426 page gives the curl command and the OPTIONS * upgrade, and no upgrade of the request itself")
    void theHtmlPageSaysWhatAClientCanDo() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nAccept: text/html\r\n\r\n").readResponse();
            String url = "https://localhost:" + demo.httpsPort() + "/secure/";
            assertThat(r.bodyText()).contains("<p>Continue at <a href=\"" + url + "\">" + url + "</a>.</p>\n"
                    + "<p>From a terminal: <code>curl " + url + "</code></p>\n"
                    + "<p>HTTP clients that support RFC 2817 can also upgrade a new connection to this port in place "
                    + "before any request: <code>OPTIONS * HTTP/1.1</code> with <code>Upgrade: TLS/1.3</code>")
                    .doesNotContain("send the request again");
        }
    }

    /** The plain-text 426 page of {@code /secure/}: https with curl, or OPTIONS * at the cleartext port; never the optional form. */
    private static String textPage() {
        String url = "https://localhost:" + demo.httpsPort() + "/secure/";
        return "This resource requires TLS. Use " + url + " instead (for example: curl " + url + "),\n"
                + "or upgrade a new connection to this port in place before any request (RFC 2817):\n"
                + "  OPTIONS * HTTP/1.1\n"
                + "  Upgrade: TLS/1.3\n"
                + "  Connection: upgrade\n"
                + "then, after the 101, the TLS handshake and this request over TLS on the same connection\n"
                + "(ipptool -E and Apache HttpClient 5 with protocol upgrade enabled do this).\n";
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
    @DisplayName("TLS-11 a real request asking to upgrade in place gets the 426, not a 101: the https port has the same key")
    void aRealRequestIsNotUpgradedInPlace() throws Exception {
        long before = DemoStats.read(demo).path("protocols").path("tls").path("upgrades").asLong();
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send("GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n").readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 426 ");
            assertThat(r.bodyText()).isEqualTo(textPage());
        }
        assertThat(DemoStats.read(demo).path("protocols").path("tls").path("upgrades").asLong()).isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-11 the Opossum attack on the demo's cleartext port finds nothing to splice a visitor of the https port into")
    void theOpossumAttackFindsNoSwitch() throws Exception {
        OpossumAttack attack = new OpossumAttack(URI.create("http://127.0.0.1:" + demo.httpPort() + "/"),
                DemoTls.trusting(demo.keystore()), "h2", "http/1.1");
        OpossumAttack.Result r = attack.run("GET /secure/?attacker-chosen HTTP/1.1\r\nHost: localhost:" + demo.httpsPort()
                + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n",
                "GET /secure/ HTTP/1.1\r\nHost: localhost:" + demo.httpsPort() + "\r\n\r\n", "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.NO_SWITCH);
    }

    @Test
    @DisplayName("TLS-11 an ordinary page asked to upgrade in place is served in cleartext and advertises no TLS")
    void anOrdinaryPageIsNotUpgraded() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send("GET /stats HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
                    + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n").readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.head().raw()).doesNotContain("Upgrade: TLS");
        }
    }
}
