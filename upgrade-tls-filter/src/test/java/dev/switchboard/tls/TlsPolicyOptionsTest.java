package dev.switchboard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.servlet.Settings;

class TlsPolicyOptionsTest {

    @Test
    void theDefaultsProtectNothingAnswer426AndOfferTls13AndTls12() {
        TlsPolicyOptions o = TlsPolicyOptions.from(Settings.of(Map.of()));
        assertThat(o.protect()).isEmpty();
        assertThat(o.mode()).isEqualTo(TlsPolicyOptions.Mode.UPGRADE_REQUIRED);
        assertThat(o.upgrade().toHeaderValue()).isEqualTo("TLS/1.3, TLS/1.2, HTTP/1.1");
        assertThat(o.httpsPort()).isEqualTo(443);
        assertThat(o.redirectStatus()).isEqualTo(307);
        assertThat(o.hsts()).isEmpty();
        assertThat(o.confidentialConstraints()).isTrue();
        assertThat(o.isActive()).isFalse();
    }

    @Test
    void aTls13MinimumLeavesOnlyTls13InThe426() {
        TlsPolicyOptions o = TlsPolicyOptions.from(Settings.of(Map.of(TlsUpgradeOptions.MIN_VERSION, "TLSv1.3")));
        assertThat(o.upgrade().toHeaderValue()).isEqualTo("TLS/1.3, HTTP/1.1");
    }

    @Test
    void configuredTokensAreFollowedByHttp11() {
        TlsPolicyOptions o = TlsPolicyOptions.from(Settings.of(Map.of(TlsPolicyOptions.UPGRADE_TOKENS, "TLS/1.2")));
        assertThat(o.upgrade().toHeaderValue()).isEqualTo("TLS/1.2, HTTP/1.1");
    }

    @Test
    void theHstsValueHasTheConfiguredDirectives() {
        TlsPolicyOptions o = TlsPolicyOptions.from(Settings.of(Map.of(TlsPolicyOptions.HSTS_MAX_AGE, "31536000s",
                TlsPolicyOptions.HSTS_INCLUDE_SUBDOMAINS, "true", TlsPolicyOptions.HSTS_PRELOAD, "true")));
        assertThat(o.hsts()).contains("max-age=31536000; includeSubDomains; preload");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            switchboard.tls.protect          | secure/*
            switchboard.tls.exempt           | /a*b
            switchboard.tls.exemptAddresses  | 10.0.0.0/40
            switchboard.tls.mode             | sometimes
            switchboard.tls.redirectStatus   | 304
            switchboard.tls.httpsPort        | 70000
            switchboard.tls.upgradeTokens    | h2c
            switchboard.tls.upgradeTokens    | TLS/1.0
            switchboard.tls.minVersion       | TLSv1.1
            switchboard.tls.hstsMaxAge       | forever
            """)
    void anInvalidValueFailsNamingTheParameter(String name, String value) {
        assertThatThrownBy(() -> TlsPolicyOptions.from(Settings.of(Map.of(name, value))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + ": ");
    }

    @Test
    void theRemovedTrustedProxiesKeyFailsTheStartNamingTheContextSetting() {
        assertThatThrownBy(() -> TlsPolicyOptions.from(Settings.of(Map.of("switchboard.tls.trustedProxies", "10.0.0.2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.tls.trustedProxies: no longer read: set switchboard.trustedProxies instead "
                        + "(one list for the TLS policy, WebSocket origin checks and the tunnel)");
    }
}
