package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * The policy on a real HTTPS connector of the container, where the container itself says
 * a request is secure (TLS-09, TLS-10). Deploy
 * {@code TlsDeployments.tlsApp(name, HttpsScenarios.PARAMS)} and give the connector's URI
 * for the same application.
 */
public abstract class HttpsScenarios {

    /** HSTS on, proxies trusted nowhere. */
    public static final Map<String, String> PARAMS = Map.of("switchboard.tls.hstsMaxAge", "600s");

    protected abstract ServerUnderTest server();

    /** The application's base URI on the container's HTTPS connector, such as {@code https://127.0.0.1:18201/app/}. */
    protected abstract URI httpsBase();

    private RawConnection.Response overHttps(String relative, String fields) throws IOException {
        URI base = httpsBase();
        SSLSocket socket = (SSLSocket) TestKeyStore.shared().clientContext().getSocketFactory()
                .createSocket(base.getHost(), base.getPort());
        try (RawConnection c = RawConnection.over(socket)) {
            c.send("GET " + base.getPath() + relative + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\n" + fields + "\r\n");
            return c.readResponse();
        }
    }

    @Test
    @DisplayName("TLS-09 a request the container received over TLS is secure and the protected resource is served")
    void aContainerTlsRequestIsServed() throws Exception {
        RawConnection.Response r = overHttps("secure/page", "");
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(info(r)).containsEntry("secure", "true").containsEntry("scheme", "https");
    }

    @Test
    @DisplayName("TLS-09 X-Forwarded-Proto: http from an untrusted peer does not make a TLS request cleartext")
    void anUntrustedForwardingFieldDoesNotDowngrade() throws Exception {
        RawConnection.Response r = overHttps("secure/page", "X-Forwarded-Proto: http\r\nForwarded: proto=http\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("secure", "true");
    }

    @Test
    @DisplayName("TLS-10 a response over the container's TLS carries Strict-Transport-Security")
    void httpsResponsesCarryHsts() throws Exception {
        assertThat(overHttps("open/page", "").head().values("Strict-Transport-Security")).containsExactly("max-age=600");
    }

    @Test
    @DisplayName("TLS-01 a request that is already secure is not upgraded to TLS again")
    void aSecureRequestIsNotUpgradedAgain() throws Exception {
        RawConnection.Response r = overHttps("secure/page", UPGRADE_TLS_1_2);
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("upgrade", "TLS/1.2");
    }
}
