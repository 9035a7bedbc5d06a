package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.it.app.ipp.IppPrinterServlet;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.ConnectorKeys;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * RFC 2817's mandatory upgrade served at the connector, before any web application: the
 * {@code OPTIONS *} offers real clients send get a 101 and then HTTP/1.1 over TLS on the same
 * connection (TLS-12, TLS-04), and the certificate follows the request's {@code Host}, without
 * SNI (TLS-13). The connector's key store is {@link ConnectorKeys#store()}; deploy
 * {@link #deployment()} behind it.
 */
public interface ConnectorTlsScenarios {

    /**
     * The application behind the connector, at {@code /ipp}: {@code /secure/*} protected, no
     * RFC 2817 of its own, and an IPP printer at {@code /ipp/print}.
     */
    static WebArchive deployment() {
        Map<String, String> params = new HashMap<>();
        params.put("switchboard.protocols", "echo");
        params.put("switchboard.tls.keystore", null);
        String printer = "  <servlet><servlet-name>ipp</servlet-name><servlet-class>" + IppPrinterServlet.class.getName()
                + "</servlet-class></servlet>\n"
                + "  <servlet-mapping><servlet-name>ipp</servlet-name><url-pattern>/print</url-pattern></servlet-mapping>\n";
        return TlsDeployments.tlsApp("ipp", params, printer).addPackage(IppPrinterServlet.class.getPackage());
    }

    /** The cleartext connector that serves RFC 2817 at the connector, with {@link #deployment()} behind it. */
    ServerUnderTest rfc2817();

    private static String optionsStar(String host, String offer) {
        return "OPTIONS * HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: " + offer + "\r\nConnection: upgrade\r\n\r\n";
    }

    private static SSLContext clientContext() {
        TestKeyStore keys = ConnectorKeys.store();
        return TestKeyStore.clientContextTrusting(keys.certificate(TestKeyStore.ALIAS),
                keys.certificate(ConnectorKeys.ALPHA), keys.certificate(ConnectorKeys.BETA));
    }

    // ------------------------------------------------------------------ TLS-12

    @ParameterizedTest(name = "{0}")
    @DisplayName("TLS-12 OPTIONS * with the offer a real client sends gets a 101 naming its first token over HTTP/1.1")
    @CsvSource(delimiter = '|', textBlock = """
            TLS-12 CUPS 2.4 and libcups3  | TLS/1.2,TLS/1.1,TLS/1.0         | TLS/1.2, HTTP/1.1
            TLS-12 CUPS master            | TLS/1.3,TLS/1.2,TLS/1.1,TLS/1.0 | TLS/1.3, HTTP/1.1
            TLS-12 one token              | TLS/1.2                         | TLS/1.2, HTTP/1.1
            """)
    default void theOfferGetsA101(String label, String offer, String upgrade) throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), offer));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).as(head.raw()).isEqualTo(s.container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly(upgrade);
            assertThat(head.values("Connection")).hasSize(1);
            assertThat(head.values("Connection").get(0)).isEqualToIgnoringCase("upgrade");
            assertThat(head.has("Content-Length")).isFalse();
            assertThat(head.has("Transfer-Encoding")).isFalse();
        }
    }

    @Test
    @DisplayName("TLS-12 after the 101 the TLS handshake completes and the OPTIONS * response is the first thing over TLS")
    default void theOptionsResponseComesFirstOverTls() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, clientContext(), s.base().getHost(), s.base().getPort());
            RawConnection.Response options = tls.readResponse();
            assertThat(options.head().version()).isEqualTo("HTTP/1.1");
            assertThat(options.status()).as(options.head().raw()).isIn(200, 404);
        }
    }

    @Test
    @DisplayName("TLS-12 the upgraded connection serves HTTP/1.1 over TLS as secure requests and stays open")
    default void theConnectionServesSecureRequestsAndStaysOpen() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.3,TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, clientContext(), s.base().getHost(), s.base().getPort());
            tls.readResponse();
            for (int i = 0; i < 3; i++) {
                tls.send(get(s, "secure/page", ""));
                RawConnection.Response r = tls.readResponse();
                assertThat(r.status()).as(r.head().raw()).isEqualTo(200);
                Map<String, String> seen = info(r);
                assertThat(seen).containsEntry("secure", "true").containsEntry("path", s.path("secure/page"))
                        .containsEntry("remoteAddr", "127.0.0.1");
                assertThat(seen.get("cipher")).isNotEqualTo("null");
                assertThat(r.head().values("Connection")).doesNotContain("close");
            }
        }
    }

    @Test
    @DisplayName("TLS-12 a pipelined request after the handshake is answered after the OPTIONS response")
    default void aRequestSentWithTheHandshakeIsAnswered() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2"));
            assertThat(c.readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, clientContext(), s.base().getHost(), s.base().getPort());
            tls.send(get(s, "secure/one", "") + get(s, "secure/two", ""));
            tls.readResponse();
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("secure/one"));
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("secure/two"));
        }
    }

    @Test
    @DisplayName("TLS-12 a request with content over the upgraded connection gets its content to the application")
    default void aRequestWithContentIsServed() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, clientContext(), s.base().getHost(), s.base().getPort());
            tls.readResponse();
            tls.send(TlsExchanges.request(s, "POST", "secure/form", "Content-Type: text/plain\r\nContent-Length: 5\r\n")
                    + "hello");
            RawConnection.Response r = tls.readResponse();
            assertThat(r.status()).as(r.head().raw()).isEqualTo(200);
            assertThat(info(r)).containsEntry("content", "5 hello").containsEntry("secure", "true");
        }
    }

    @Test
    @DisplayName("TLS-12 a request that expects 100-continue over the upgraded connection gets its 100, then its answer")
    default void aRequestExpectingContinueIsServed() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, clientContext(), s.base().getHost(), s.base().getPort());
            tls.readResponse();
            tls.send(TlsExchanges.request(s, "POST", "secure/form",
                    "Content-Type: text/plain\r\nContent-Length: 5\r\nExpect: 100-continue\r\n"));
            assertThat(tls.readHead().status()).isEqualTo(100);
            tls.send("hello");
            RawConnection.Response r = tls.readResponse();
            assertThat(r.status()).as(r.head().raw()).isEqualTo(200);
            assertThat(info(r)).containsEntry("content", "5 hello");
        }
    }

    @Test
    @DisplayName("TLS-12 a ClientHello that offers h2, as a browser's for the https port does, is refused after the 101")
    default void aHandshakeOfferingH2IsRefused() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            SSLSocket tls = Rfc2817Client.layer(c.socket(), clientContext(), s.base().getHost(), s.base().getPort());
            SSLParameters params = tls.getSSLParameters();
            params.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            tls.setSSLParameters(params);
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);
        }
    }

    @Test
    @DisplayName("TLS-12 a ClientHello that offers only http/1.1 in ALPN is answered with http/1.1")
    default void aHandshakeOfferingHttp11IsServed() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            SSLSocket tls = Rfc2817Client.layer(c.socket(), clientContext(), s.base().getHost(), s.base().getPort());
            SSLParameters params = tls.getSSLParameters();
            params.setApplicationProtocols(new String[] {"http/1.1"});
            tls.setSSLParameters(params);
            tls.startHandshake();
            assertThat(tls.getApplicationProtocol()).isEqualTo("http/1.1");
        }
    }

    @Test
    @DisplayName("TLS-04 an offer that is not registered exactly is not switched at the connector")
    default void anUnregisteredOfferIsNotSwitched() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(s.host(), "TLS/1.2, TLS/1.1"));
            assertThat(c.readResponse().status()).isNotEqualTo(101);
        }
    }

    @Test
    @DisplayName("TLS-04 OPTIONS * with Upgrade: TLS/1.2 over HTTP/1.0 is never switched")
    default void http10IsNotSwitched() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("OPTIONS * HTTP/1.0\r\nHost: " + s.host() + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
            assertThat(c.readResponse().status()).isNotEqualTo(101);
        }
    }

    @Test
    @DisplayName("TLS-04 a real request asking for TLS/1.2 is not switched at the connector (the optional form is the application's)")
    default void theOptionalFormIsNotSwitchedAtTheConnector() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "page", "Upgrade: TLS/1.2\r\nConnection: upgrade\r\n"));
            RawConnection.Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(info(r)).containsEntry("secure", "false");
        }
    }

    @Test
    @DisplayName("TLS-04 OPTIONS * without Upgrade is answered in cleartext as before")
    default void optionsStarWithoutUpgradeStaysCleartext() throws Exception {
        ServerUnderTest s = rfc2817();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("OPTIONS * HTTP/1.1\r\nHost: " + s.host() + "\r\n\r\n");
            assertThat(c.readResponse().status()).isIn(200, 404);
        }
    }

    // ------------------------------------------------------------------ TLS-13

    @Test
    @DisplayName("TLS-13 two host names on one cleartext port get their own certificates without SNI")
    default void eachHostGetsItsCertificateWithoutSni() throws Exception {
        TestKeyStore keys = ConnectorKeys.store();
        assertThat(presented(ConnectorKeys.ALPHA, null)).isEqualTo(keys.certificate(ConnectorKeys.ALPHA));
        assertThat(presented(ConnectorKeys.BETA, null)).isEqualTo(keys.certificate(ConnectorKeys.BETA));
    }

    @Test
    @DisplayName("TLS-13 a Host without a key of its own gets the default certificate")
    default void anAddressGetsTheDefaultCertificate() throws Exception {
        assertThat(presented(rfc2817().host(), null)).isEqualTo(ConnectorKeys.store().certificate(TestKeyStore.ALIAS));
    }

    @Test
    @DisplayName("TLS-13 an SNI name that agrees with Host is served its certificate")
    default void anAgreeingSniIsServed() throws Exception {
        assertThat(presented(ConnectorKeys.BETA, ConnectorKeys.BETA))
                .isEqualTo(ConnectorKeys.store().certificate(ConnectorKeys.BETA));
    }

    @Test
    @DisplayName("TLS-13 an SNI name that disagrees with Host ends the handshake")
    default void aDisagreeingSniEndsTheHandshake() {
        assertThatThrownBy(() -> presented(ConnectorKeys.ALPHA, ConnectorKeys.BETA)).isInstanceOf(SSLException.class);
    }

    /** Upgrades with {@code Host: host[:port]} and returns the certificate the server presents to a client sending {@code sni}. */
    private X509Certificate presented(String host, String sni) throws IOException {
        ServerUnderTest s = rfc2817();
        String hostField = host.contains(":") ? host : host + ":" + s.base().getPort();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(optionsStar(hostField, "TLS/1.2,TLS/1.1,TLS/1.0"));
            assertThat(c.readHead().status()).isEqualTo(101);
            SSLSocket tls = (SSLSocket) clientContext().getSocketFactory().createSocket(c.socket(),
                    s.base().getHost(), s.base().getPort(), true);
            SSLParameters params = tls.getSSLParameters();
            params.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
            tls.setSSLParameters(params);
            tls.setSoTimeout((int) RawConnection.DEFAULT_TIMEOUT.toMillis());
            tls.startHandshake();
            X509Certificate certificate = (X509Certificate) tls.getSession().getPeerCertificates()[0];
            tls.close();
            return certificate;
        }
    }
}
