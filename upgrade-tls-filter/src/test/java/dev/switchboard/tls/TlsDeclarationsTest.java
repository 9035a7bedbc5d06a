package dev.switchboard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.options.Option;
import dev.switchboard.servlet.HandlerDeclarations;
import dev.switchboard.servlet.Settings;

/** The TLS options as the parameters, the builders and the handler limits see them: one set of declarations. */
class TlsDeclarationsTest {

    @Test
    void theDocumentedHandlerLimitsAreThoseReadUnderTheProtocolsPrefix() {
        for (Option<?> o : TlsUpgradeDeclarations.GROUP.options()) {
            o.inherits().ifPresent(shared -> assertThat(o.name()).isEqualTo(
                    TlsUpgradeOptions.HANDLER_PREFIX + "." + HandlerDeclarations.GROUP.key(shared)));
        }
        TlsUpgradeOptions read = TlsUpgradeOptions.from(Settings.of(Map.of(TlsUpgradeOptions.KEYSTORE, "/k.p12",
                TlsUpgradeDeclarations.IDLE_TIMEOUT.name(), "7s")));
        assertThat(read.handlerOptions().idleTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void theBuilderRefusesUpgradeTokensBelowTheMinimumAsTheParameterDoes() {
        assertThatThrownBy(() -> TlsPolicyOptions.builder().minVersion("TLSv1.3")
                .upgradeTokens(List.of(ProtocolToken.parse("TLS/1.2"))).build())
                .hasMessage("switchboard.tls.upgradeTokens: expected TLS tokens at or above the minimum version TLSv1.3"
                        + " but was \"TLS/1.2\"");
        assertThatThrownBy(() -> TlsPolicyOptions.from(Settings.of(Map.of(TlsUpgradeOptions.MIN_VERSION, "TLSv1.3",
                TlsPolicyOptions.UPGRADE_TOKENS, "TLS/1.2"))))
                .hasMessage("switchboard.tls.upgradeTokens: expected TLS tokens at or above the minimum version TLSv1.3"
                        + " but was \"TLS/1.2\"");
    }

    @Test
    void theBuilderRefusesARequestHeadLimitAboveTheParametersRange() {
        assertThatThrownBy(() -> TlsUpgradeOptions.builder(Path.of("/k.p12")).maxRequestHeadSize(2 * 1024 * 1024))
                .hasMessage("switchboard.tls.maxRequestHeadSize: expected a size from 1024 to 1048576 bytes"
                        + " (such as 64KiB) but was \"2097152\"");
    }

    @Test
    void aRedirectStatusOutsideTheFiveIsRefusedWithTheSameMessageEverywhere() {
        String message = "switchboard.tls.redirectStatus: expected 301, 302, 303, 307 or 308 but was \"200\"";

        assertThatThrownBy(() -> TlsPolicyOptions.builder().redirectStatus(200)).hasMessage(message);
        assertThatThrownBy(() -> TlsPolicyOptions.from(Settings.of(Map.of(TlsPolicyOptions.REDIRECT_STATUS, "200"))))
                .hasMessage(message);
    }

    @Test
    void theKeysOwnPasswordDefaultsToTheStores() {
        TlsUpgradeOptions o = TlsUpgradeOptions.builder(Path.of("/k.p12")).keystorePassword("s").build();

        assertThat(o.keyPassword()).isEqualTo("s");
        assertThat(TlsUpgradeOptions.builder(Path.of("/k.p12")).keystorePassword("s").keyPassword("k").build()
                .keyPassword()).isEqualTo("k");
    }

    @Test
    void noKeyStoreFailsNamingTheParameter() {
        assertThatThrownBy(() -> TlsUpgradeOptions.from(Settings.of(Map.of())))
                .hasMessage("switchboard.tls.keystore: expected a key store file but was \"\"");
    }
}
