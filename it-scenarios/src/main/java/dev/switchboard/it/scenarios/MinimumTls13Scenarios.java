package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.exchange;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * A minimum of TLS 1.3 (TLS-08). Deploy {@code TlsDeployments.tlsApp(name, MinimumTls13Scenarios.PARAMS)}.
 */
public abstract class MinimumTls13Scenarios {

    public static final Map<String, String> PARAMS = Map.of("switchboard.tls.minVersion", "TLSv1.3",
            "switchboard.tls.optionalUpgrade", "/*");

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("TLS-08 with a TLS 1.3 minimum the 426 offers only TLS/1.3")
    void the426OffersOnlyTls13() throws Exception {
        ServerUnderTest s = server();
        assertThat(exchange(s, get(s, "secure/page", "")).head().values("Upgrade")).containsExactly("TLS/1.3, HTTP/1.1");
    }

    @Test
    @DisplayName("TLS-08 with a TLS 1.3 minimum a client limited to TLS 1.2 fails the handshake, whatever the token, and is closed")
    void aTls12ClientFailsTheHandshake() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            assertThat(c.readHead().status()).isEqualTo(101);
            SSLSocket tls = Rfc2817Client.layerKeepingSocket(c.socket(), TestKeyStore.shared().clientContext(), s.base().getHost(),
                    s.base().getPort(), "TLSv1.2");
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);
            assertThat(c.isClosedByPeer(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    @DisplayName("TLS-08 with a TLS 1.3 minimum a TLS 1.3 client is served")
    void aTls13ClientIsServed() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "secure/page", UPGRADE_TLS_1_2))) {
            assertThat(((SSLSocket) tls.socket()).getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(tls.readResponse().status()).isEqualTo(200);
        }
    }
}
