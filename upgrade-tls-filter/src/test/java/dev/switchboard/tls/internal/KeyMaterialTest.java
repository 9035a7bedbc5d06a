package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.it.tls.TestKeyStore;

class KeyMaterialTest {

    @TempDir
    Path dir;

    private static KeyMaterial.Source source(TestKeyStore keys, String password) {
        return new KeyMaterial.Source(keys.file(), "PKCS12", password.toCharArray(), password.toCharArray(), null);
    }

    @Test
    void aKeyStoreLoadsIntoAServerContext() {
        TestKeyStore keys = TestKeyStore.create(dir.resolve("k.p12"));
        KeyMaterial material = new KeyMaterial(source(keys, keys.password()), Duration.ZERO);
        SSLEngine engine = material.context().createSSLEngine();
        assertThat(engine).isNotNull();
        assertThat(material.supportedProtocols()).contains("TLSv1.2", "TLSv1.3");
    }

    @Test
    void aWrongPasswordFailsNamingTheFile() {
        TestKeyStore keys = TestKeyStore.create(dir.resolve("k.p12"));
        assertThatThrownBy(() -> new KeyMaterial(source(keys, "wrong"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keys.file().toString());
    }

    @Test
    void aMissingFileFailsNamingIt() {
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> new KeyMaterial(new KeyMaterial.Source(missing, "PKCS12", new char[0], new char[0], null),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void anUnknownAliasFails() {
        TestKeyStore keys = TestKeyStore.create(dir.resolve("k.p12"));
        assertThatThrownBy(() -> new KeyMaterial(new KeyMaterial.Source(keys.file(), "PKCS12", keys.password().toCharArray(),
                keys.password().toCharArray(), "nope"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void aChangedFileIsLoadedForLaterContexts() throws Exception {
        Path file = dir.resolve("k.p12");
        TestKeyStore first = TestKeyStore.create(file);
        KeyMaterial material = new KeyMaterial(source(first, first.password()), Duration.ofMillis(1));
        X509Certificate before = first.certificate();
        TestKeyStore second = TestKeyStore.create(file);
        assertThat(second.certificate()).isNotEqualTo(before);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> material.context() != null && serverCertificate(material) != null
                && serverCertificate(material).equals(second.certificate()));
    }

    @Test
    void aBrokenReplacementKeepsThePreviousKey() throws Exception {
        Path file = dir.resolve("k.p12");
        TestKeyStore keys = TestKeyStore.create(file);
        X509Certificate certificate = keys.certificate();
        KeyMaterial material = new KeyMaterial(source(keys, keys.password()), Duration.ofMillis(1));
        Files.writeString(file, "not a key store");
        Thread.sleep(5);
        assertThat(serverCertificate(material)).isEqualTo(certificate);
    }

    /** The certificate a server engine of {@code material} presents in a real (in-memory) handshake. */
    private static X509Certificate serverCertificate(KeyMaterial material) throws Exception {
        return InMemoryHandshake.serverCertificate(material.context().createSSLEngine());
    }
}
