package dev.switchboard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.servlet.Settings;

class TlsUpgradeOptionsTest {

    @Test
    void theDefaultsAreTls12Up10sHandshakesAndEveryTlsToken() {
        TlsUpgradeOptions o = TlsUpgradeOptions.from(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12")));
        assertThat(o.minVersion()).isEqualTo("TLSv1.2");
        assertThat(o.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.keystoreType()).isEqualTo("PKCS12");
        assertThat(o.keystoreReloadInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.maxConnections()).isEqualTo(1000);
        assertThat(o.maxRequestHeadSize()).isEqualTo(16 * 1024);
        assertThat(o.tokens()).extracting(Object::toString).containsExactly("TLS/1.0", "TLS/1.1", "TLS/1.2", "TLS/1.3");
        assertThat(o.maxConnectionsPerClient()).isEqualTo(32);
    }

    @Test
    @DisplayName("TLS-11 by default only the mandatory form upgrades in place, and ClientHellos that offer h2 are refused")
    void theOptionalFormIsOffByDefault() {
        TlsUpgradeOptions o = TlsUpgradeOptions.from(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12")));
        assertThat(o.optionalUpgrade()).isEmpty();
        assertThat(o.refuseHttp2Offers()).isTrue();
    }

    @Test
    void theOptionalFormIsEnabledForTheResourcesNamed() {
        TlsUpgradeOptions o = TlsUpgradeOptions.from(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12",
                TlsUpgradeOptions.OPTIONAL_UPGRADE, "/ipp/*, /status")));
        assertThat(o.optionalUpgrade()).containsExactly("/ipp/*", "/status");
    }

    @Test
    void theProtocolIsConfiguredExactlyWhenAKeyStoreIsNamed() {
        assertThat(TlsUpgradeOptions.configured(Settings.of(Map.of()))).isFalse();
        assertThat(TlsUpgradeOptions.configured(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12")))).isTrue();
    }

    @Test
    void handlerLimitsCanBeSetForTlsConnectionsAlone() {
        TlsUpgradeOptions o = TlsUpgradeOptions.from(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12",
                "switchboard.tls.idleTimeout", "45s", "switchboard.idleTimeout", "5s")));
        assertThat(o.handlerOptions().idleTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            switchboard.tls.minVersion        | SSLv3
            switchboard.tls.handshakeTimeout  | 0
            switchboard.tls.maxConnections    | 0
            switchboard.tls.maxRequestHeadSize| 10
            switchboard.tls.tokens            | websocket
            switchboard.tls.optionalUpgrade   | ipp/*
            switchboard.tls.refuseHttp2Offers | maybe
            switchboard.tls.maxConnectionsPerClient | 0
            """)
    void anInvalidValueFailsNamingTheParameter(String name, String value) {
        assertThatThrownBy(() -> TlsUpgradeOptions.from(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12", name, value))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + ": ");
    }
}
