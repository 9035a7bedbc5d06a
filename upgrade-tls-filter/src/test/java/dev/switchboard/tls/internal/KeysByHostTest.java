package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.tls.internal.engine.KeyMaterial;

/** A store with a key for alpha.test (first) and one for beta.test: which one a handshake presents. */
class KeysByHostTest {

    @TempDir
    static Path dir;

    private static TestKeyStore keys;
    private static KeyMaterial material;

    @BeforeAll
    static void twoHosts() {
        keys = TestKeyStore.createForHosts(dir.resolve("hosts.p12"), "alpha.test", "beta.test");
        material = new KeyMaterial(new KeyMaterial.Source(keys.file(), "PKCS12", keys.password().toCharArray(),
                keys.password().toCharArray(), null), Duration.ZERO);
    }

    @Test
    @DisplayName("TLS-13 a client without SNI gets the certificate of the host the engine was made for")
    void theHostChoosesTheCertificateWithoutSni() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("beta.test", 80), null))
                .isEqualTo(keys.certificate("beta.test"));
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("alpha.test", 80), null))
                .isEqualTo(keys.certificate("alpha.test"));
    }

    @Test
    @DisplayName("TLS-13 host names compare ignoring case")
    void hostNamesIgnoreCase() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("BETA.test", 80), null))
                .isEqualTo(keys.certificate("beta.test"));
    }

    @Test
    @DisplayName("TLS-13 an SNI name that agrees with the host is served")
    void anAgreeingSniIsServed() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("beta.test", 80), "beta.test"))
                .isEqualTo(keys.certificate("beta.test"));
    }

    @Test
    @DisplayName("TLS-13 an SNI name that disagrees with the host ends the handshake")
    void aDisagreeingSniEndsTheHandshake() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("beta.test", 80), "alpha.test"))
                .isNull();
    }

    @Test
    void withoutAHostTheSniNameChooses() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("198.51.100.7", 5000), "beta.test"))
                .isEqualTo(keys.certificate("beta.test"));
    }

    @Test
    void anAddressLiteralHostWithoutSniGetsTheFirstKey() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("127.0.0.1", 80), null))
                .isEqualTo(keys.certificate("alpha.test"));
    }

    @Test
    void aHostWithoutAKeyGetsTheFirstKey() throws Exception {
        assertThat(InMemoryHandshake.serverCertificate(material.context().createSSLEngine("gamma.test", 80), null))
                .isEqualTo(keys.certificate("alpha.test"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            printer.test:631 | printer.test
            Printer.Test     | printer.test
            127.0.0.1:631    | null
            [::1]:631        | null
            bad host:1       | null
            null             | null
            """)
    void theHostOfAHostFieldIsItsNameWithoutPortAndNoneForAnAddress(String field, String expected) {
        assertThat(KeyMaterial.hostOf(field)).isEqualTo(expected);
    }

    @Test
    void aConfiguredAliasIsPresentedWhateverTheHost() throws Exception {
        KeyMaterial fixed = new KeyMaterial(new KeyMaterial.Source(keys.file(), "PKCS12", keys.password().toCharArray(),
                keys.password().toCharArray(), "alpha.test"), Duration.ZERO);
        assertThat(InMemoryHandshake.serverCertificate(fixed.context().createSSLEngine("beta.test", 80), null))
                .isEqualTo(keys.certificate("alpha.test"));
    }
}
