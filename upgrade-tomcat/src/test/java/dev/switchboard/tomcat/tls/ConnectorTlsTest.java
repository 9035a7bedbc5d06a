package dev.switchboard.tomcat.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.UpgradeProtocol;
import org.junit.jupiter.api.Test;

class ConnectorTlsTest {

    @Test
    void installingRegistersOneUpgradeProtocolPerDefaultOffer() {
        Connector connector = new Connector("HTTP/1.1");
        new ConnectorTls().keystore(Path.of("keys.p12"), "x").install(connector);
        assertThat(Arrays.stream(connector.findUpgradeProtocols()).map(p -> p.getHttpUpgradeName(false)))
                .containsExactlyElementsOf(ConnectorTls.DEFAULT_OFFERS);
    }

    @Test
    void offersAreSeparatedByBarsSinceTheyHoldCommas() {
        ConnectorTls tls = new ConnectorTls();
        tls.setKeystoreFile("/keys.p12");
        tls.setOffers("TLS/1.2,TLS/1.1,TLS/1.0 | TLS/1.2, TLS/1.1");
        Connector connector = new Connector("HTTP/1.1");
        tls.install(connector);
        UpgradeProtocol[] protocols = connector.findUpgradeProtocols();
        assertThat(Arrays.stream(protocols).map(p -> p.getHttpUpgradeName(false)))
                .containsExactly("TLS/1.2,TLS/1.1,TLS/1.0", "TLS/1.2, TLS/1.1");
    }

    @Test
    void installingWithoutAKeyStoreFails() {
        assertThatThrownBy(() -> new ConnectorTls().install(new Connector("HTTP/1.1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keystoreFile");
    }

    @Test
    void aMinimumBelowTls12IsRefused() {
        assertThatThrownBy(() -> new ConnectorTls().setMinVersion("TLSv1.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLSv1.1");
    }
}
