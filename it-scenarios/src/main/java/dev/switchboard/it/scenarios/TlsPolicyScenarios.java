package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.exchange;
import static dev.switchboard.it.scenarios.TlsExchanges.exchangeFrom;
import static dev.switchboard.it.scenarios.TlsExchanges.executions;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static dev.switchboard.it.scenarios.TlsExchanges.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The mandatory-TLS policy on the wire: the 426 (TLS-05, TLS-06), advertisement (TLS-07),
 * trusted proxies (TLS-09) and HSTS (TLS-10). Deploy
 * {@code TlsDeployments.tlsApp(name, TlsPolicyScenarios.PARAMS)}.
 */
public abstract class TlsPolicyScenarios {

    /** A proxy address the deployment trusts; the default client address 127.0.0.1 is not trusted. */
    public static final String TRUSTED_PROXY = ForwardingRows.TRUSTED_PROXY;
    /** A client address the deployment exempts from the requirement. */
    public static final String EXEMPT_CLIENT = "127.0.0.3";

    /** The context params of the deployment. */
    public static final Map<String, String> PARAMS = Map.of(
            "switchboard.tls.protect", "/secure/*",
            "switchboard.tls.exempt", "/secure/health",
            "switchboard.tls.exemptAddresses", EXEMPT_CLIENT,
            "switchboard.trustedProxies", TRUSTED_PROXY,
            "switchboard.tls.advertise", "true",
            "switchboard.tls.hstsMaxAge", "31536000s",
            "switchboard.tls.hstsIncludeSubDomains", "true",
            "switchboard.tls.optionalUpgrade", "/*");

    private static final String TLS_UPGRADE = "TLS/1.3, TLS/1.2, HTTP/1.1";
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    protected abstract ServerUnderTest server();

    private String httpsUrl(String relative) {
        return "https://" + server().base().getHost() + server().path(relative);
    }

    // ------------------------------------------------------------------ TLS-05, TLS-06

    @Test
    @DisplayName("TLS-05 a cleartext request for a protected resource gets 426 with the TLS tokens and Connection: upgrade")
    void cleartextRequestForAProtectedResourceGets426() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "secure/page?x=1", ""));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
        assertThat(r.head().values("Upgrade")).containsExactly(TLS_UPGRADE);
        assertThat(r.head().values("Connection")).containsExactly("upgrade");
        assertThat(r.head().values("Vary")).containsExactly("Accept");
        assertThat(r.head().values("Content-Type")).containsExactly(s.container().contentType("text/plain;charset=UTF-8"));
        assertThat(r.bodyText()).isEqualTo("This resource requires TLS. Use " + httpsUrl("secure/page?x=1") + " instead,\n"
                + "or upgrade this connection in place (RFC 2817): send the request again with\n"
                + "  Upgrade: " + TLS_UPGRADE + "\n  Connection: upgrade\n");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("TLS-05 the 426 page says why and gives the https URL in the format the client accepts")
    @CsvSource(delimiter = '|', textBlock = """
            TLS-05 browser Accept gets HTML      | text/html,application/xhtml+xml,*/*;q=0.8 | text/html;charset=UTF-8  | <a href="%s">
            TLS-05 application/json gets JSON    | application/json                          | application/json         | "location":"%s"
            TLS-05 */* gets plain text           | */*                                       | text/plain;charset=UTF-8 | Use %s instead
            """)
    void the426PageFollowsAccept(String label, String accept, String contentType, String fragment) throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "secure/page", "Accept: " + accept + "\r\n"));
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.head().values("Content-Type")).containsExactly(s.container().contentType(contentType));
        assertThat(r.bodyText()).contains(fragment.replace("%s", httpsUrl("secure/page")));
        assertThat(r.head().values("Content-Length")).containsExactly(String.valueOf(r.body().length));
    }

    @Test
    @DisplayName("TLS-05 a HEAD request for a protected resource gets the 426 head without a body")
    void headGets426WithoutBody() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(request(s, "HEAD", "secure/page", ""));
            assertThat(c.readHead().statusLine()).isEqualTo(s.container().statusLine(426));
            c.send(get(s, "open/next", ""));
            assertThat(c.readResponse().status()).as("the next response follows at once: no body was sent").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("TLS-06 the protected resource is not executed before the 426, and the 426 is not a redirect")
    void theProtectedResourceIsNotExecuted() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, request(s, "POST", "secure/transfer",
                "Content-Type: text/plain\r\nContent-Length: 5\r\n") + "hello");
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.head().has("Location")).isFalse();
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-06 a protected resource offered an upgrade to another protocol gets the 426, not that protocol")
    void anotherProtocolIsNotSwitchedToOnAProtectedResource() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, get(s, "secure/page", "Upgrade: echo/1\r\nConnection: upgrade\r\n"));
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.head().values("Upgrade")).containsExactly(TLS_UPGRADE);
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-06 an upgrade to TLS that cannot happen (request with content) still gets the 426")
    void anUpgradeThatDoesNotHappenGets426() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, request(s, "POST", "secure/page",
                UPGRADE_TLS_1_2 + "Content-Length: 3\r\n") + "abc");
        assertThat(r.status()).isEqualTo(426);
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("an exempt path under a protected one is served in cleartext")
    void anExemptPathIsServed() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "secure/health", ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("secure", "false");
    }

    @Test
    @DisplayName("an exempt client address is served in cleartext")
    void anExemptClientIsServed() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, EXEMPT_CLIENT, get(s, "secure/page", ""));
        assertThat(r.status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ TLS-07

    @Test
    @DisplayName("TLS-07 a cleartext response that does not require TLS advertises the upgrade with Connection: upgrade")
    void cleartextResponsesAdvertiseTheUpgrade() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "open/page", ""));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(200));
        assertThat(r.head().values("Upgrade")).containsExactly(TLS_UPGRADE);
        assertThat(r.head().values("Connection")).containsExactly("upgrade");
    }

    @Test
    @DisplayName("TLS-07 an HTTP/1.0 response carries no advertisement")
    void http10ResponsesDoNotAdvertise() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, "GET " + s.path("open/page") + " HTTP/1.0\r\nHost: " + s.host() + "\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.head().has("Upgrade")).isFalse();
    }

    @Test
    @DisplayName("TLS-07 a secure response carries no advertisement")
    void secureResponsesDoNotAdvertise() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "open/page", "X-Forwarded-Proto: https\r\n"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.head().has("Upgrade")).isFalse();
    }

    // ------------------------------------------------------------------ TLS-09

    @ParameterizedTest(name = "{0}")
    @DisplayName("TLS-09 a forwarding field from an untrusted address is ignored: the protected resource gets 426")
    @CsvSource(delimiter = '|', textBlock = """
            TLS-09 forged X-Forwarded-Proto      | X-Forwarded-Proto: https
            TLS-09 forged Forwarded proto        | Forwarded: for=192.0.2.1;proto=https
            TLS-09 forged both with a client     | X-Forwarded-For: 127.0.0.3\\r\\nX-Forwarded-Proto: https
            TLS-09 forged RFC 2817 bridge field  | Switchboard-Bridge: 0123456789abcdef0123456789abcdef
            """)
    void forgedForwardingFromAnUntrustedAddressGets426(String label, String fields) throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, get(s, "secure/page", fields.replace("\\r\\n", "\r\n") + "\r\n"));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-09 X-Forwarded-Proto: https from a trusted proxy makes the request secure, with scheme, port and URL to match")
    void xForwardedProtoFromATrustedProxy() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page",
                "X-Forwarded-For: 198.51.100.7\r\nX-Forwarded-Proto: https\r\n"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("secure", "true").containsEntry("scheme", "https")
                .containsEntry("serverPort", "443").containsEntry("requestURL", httpsUrl("secure/page"))
                .containsEntry("remoteAddr", "198.51.100.7");
    }

    @Test
    @DisplayName("TLS-09 Forwarded from a trusted proxy gives the scheme, the port of its host and the client")
    void forwardedFromATrustedProxy() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page",
                "Forwarded: for=198.51.100.7;proto=https;host=\"example.org:8443\"\r\n"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("secure", "true").containsEntry("scheme", "https")
                .containsEntry("serverPort", "8443").containsEntry("remoteAddr", "198.51.100.7");
    }

    @Test
    @DisplayName("TLS-09 a chain of trusted proxies is walked back to the first untrusted address")
    void aChainOfTrustedProxiesIsWalked() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page",
                "X-Forwarded-For: 198.51.100.7, 203.0.113.5, " + TRUSTED_PROXY + "\r\nX-Forwarded-Proto: https\r\n"));
        assertThat(info(r)).containsEntry("remoteAddr", "203.0.113.5");
    }

    @Test
    @DisplayName("TLS-09 a trusted proxy that says the client used http gets the 426")
    void aTrustedProxyReportingCleartextGets426() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page", "X-Forwarded-Proto: http\r\n"));
        assertThat(r.status()).isEqualTo(426);
    }

    @Test
    @DisplayName("TLS-09 a malformed Forwarded from a trusted proxy gets 400 with a one-line reason")
    void aMalformedForwardedFromATrustedProxyGets400() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page", "Forwarded: proto=https;;=x\r\n"));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
        assertThat(r.bodyText()).endsWith("\n").doesNotContain("\r");
        assertThat(r.bodyText().strip()).doesNotContain("\n").startsWith("Invalid Forwarded field");
    }

    @ParameterizedTest(name = "TLS-09 {0}")
    @DisplayName("TLS-09 the forwarding rows that WS-11 and PRX-07 share: ignored from an untrusted peer, believed from a trusted one, 400 when malformed")
    @MethodSource("dev.switchboard.it.scenarios.ForwardingRows#rows")
    void theSharedForwardingRows(String label, String peer, String fields, ForwardingRows.Answer answer, String client)
            throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, peer, get(s, "secure/page", ForwardingRows.fieldBlock(fields)));
        switch (answer) {
            case IGNORED -> assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
            case BELIEVED -> {
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(200));
                assertThat(info(r)).containsEntry("secure", "true").containsEntry("remoteAddr", client);
            }
            case BAD_REQUEST -> {
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(r.bodyText()).endsWith("\n").doesNotContain("\r");
                assertThat(r.bodyText().strip()).doesNotContain("\n").startsWith("Invalid ");
            }
        }
    }

    @Test
    @DisplayName("TLS-09 a session created on a request a trusted proxy made secure gets a Secure cookie")
    void sessionsOnProxiedSecureRequestsGetSecureCookies() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page?session=new",
                "X-Forwarded-Proto: https\r\n"));
        assertThat(r.head().values("Set-Cookie")).singleElement().satisfies(c -> assertThat(c).contains("; Secure"));
    }

    // ------------------------------------------------------------------ TLS-10

    @Test
    @DisplayName("TLS-10 a secure response carries Strict-Transport-Security as configured")
    void secureResponsesCarryHsts() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchangeFrom(s, TRUSTED_PROXY, get(s, "secure/page", "X-Forwarded-Proto: https\r\n"));
        assertThat(r.head().values("Strict-Transport-Security")).containsExactly(HSTS);
    }

    @Test
    @DisplayName("TLS-10 a cleartext response carries no Strict-Transport-Security")
    void cleartextResponsesCarryNoHsts() throws Exception {
        ServerUnderTest s = server();
        assertThat(exchange(s, get(s, "open/page", "")).head().has("Strict-Transport-Security")).isFalse();
        assertThat(exchange(s, get(s, "secure/page", "")).head().has("Strict-Transport-Security")).isFalse();
    }

    @Test
    @DisplayName("TLS-10 a response over an RFC 2817 connection carries Strict-Transport-Security")
    void rfc2817ResponsesCarryHsts() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "secure/page", UPGRADE_TLS_1_2))) {
            RawConnection.Response r = tls.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.head().values("Strict-Transport-Security")).containsExactly(HSTS);
        }
    }
}
