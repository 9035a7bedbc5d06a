package dev.switchboard.tomcat.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.coyote.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsOfferProtocolTest {

    private static Request request(String method, String uri, String protocol, String... fields) {
        Request r = new Request();
        r.method().setString(method);
        r.requestURI().setString(uri);
        r.protocol().setString(protocol);
        for (int i = 0; i < fields.length; i += 2) {
            r.getMimeHeaders().addValue(fields[i]).setString(fields[i + 1]);
        }
        return r;
    }

    @Test
    void theMandatoryFormIsOptionsStarOverHttp11WithOneUpgradeLine() {
        assertThat(TlsOfferProtocol.isMandatoryForm(request("OPTIONS", "*", "HTTP/1.1", "Upgrade", "TLS/1.2"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a real request (the optional form) | GET     | /printer | HTTP/1.1
            OPTIONS of a resource              | OPTIONS | /        | HTTP/1.1
            HTTP/1.0                           | OPTIONS | *        | HTTP/1.0
            """)
    void otherRequestsAreNotTheMandatoryForm(String label, String method, String uri, String protocol) {
        assertThat(TlsOfferProtocol.isMandatoryForm(request(method, uri, protocol, "Upgrade", "TLS/1.2"))).isFalse();
    }

    @Test
    void aRequestWithContentIsNotTheMandatoryForm() {
        assertThat(TlsOfferProtocol.isMandatoryForm(
                request("OPTIONS", "*", "HTTP/1.1", "Upgrade", "TLS/1.2", "Content-Length", "4"))).isFalse();
        assertThat(TlsOfferProtocol.isMandatoryForm(
                request("OPTIONS", "*", "HTTP/1.1", "Upgrade", "TLS/1.2", "Transfer-Encoding", "chunked"))).isFalse();
    }

    @Test
    void twoUpgradeLinesAreNotTheMandatoryForm() {
        assertThat(TlsOfferProtocol.isMandatoryForm(
                request("OPTIONS", "*", "HTTP/1.1", "Upgrade", "TLS/1.2", "Upgrade", "TLS/1.0"))).isFalse();
    }

    @Test
    void theRequestPassedOnKeepsItsFieldsButNotThoseOfTheUpgrade() {
        byte[] head = TlsOfferProtocol.firstRequest(request("OPTIONS", "*", "", "Host", "printer.test:631",
                "Upgrade", "TLS/1.2", "Connection", "upgrade", "User-Agent", "CUPS/2.4"));
        assertThat(new String(head, StandardCharsets.ISO_8859_1))
                .isEqualTo("OPTIONS * HTTP/1.1\r\nHost: printer.test:631\r\nUser-Agent: CUPS/2.4\r\n\r\n");
    }

    @Test
    void anOfferMustStartWithATlsToken() {
        assertThatThrownBy(() -> new TlsOfferProtocol(new ConnectorTls(), "h2c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h2c");
    }

    @Test
    void anOfferIsRegisteredOnCleartextConnectorsOnly() {
        TlsOfferProtocol p = new TlsOfferProtocol(new ConnectorTls(), "TLS/1.2,TLS/1.1,TLS/1.0");
        assertThat(p.getHttpUpgradeName(false)).isEqualTo("TLS/1.2,TLS/1.1,TLS/1.0");
        assertThat(p.getHttpUpgradeName(true)).isNull();
    }
}
