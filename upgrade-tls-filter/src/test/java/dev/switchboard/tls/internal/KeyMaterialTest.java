package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.tls.internal.engine.KeyMaterial;

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

    @Test
    void withoutAnAliasTheFirstKeyOfTheStoreIsPresented() throws Exception {
        TestKeyStore a = TestKeyStore.create(dir.resolve("a.p12"));
        TestKeyStore b = TestKeyStore.create(dir.resolve("b.p12"));
        Path both = twoKeys(a, b, dir.resolve("both.p12"));
        KeyMaterial material = new KeyMaterial(new KeyMaterial.Source(both, "PKCS12", a.password().toCharArray(),
                a.password().toCharArray(), null), Duration.ZERO);
        assertThat(serverCertificate(material)).isEqualTo(a.certificate());
    }

    @Test
    void aConfiguredAliasChoosesTheKeyPresented() throws Exception {
        TestKeyStore a = TestKeyStore.create(dir.resolve("a.p12"));
        TestKeyStore b = TestKeyStore.create(dir.resolve("b.p12"));
        Path both = twoKeys(a, b, dir.resolve("both.p12"));
        KeyMaterial material = new KeyMaterial(new KeyMaterial.Source(both, "PKCS12", a.password().toCharArray(),
                a.password().toCharArray(), "second"), Duration.ZERO);
        assertThat(serverCertificate(material)).isEqualTo(b.certificate());
    }

    /** A store holding the key of {@code first} as "first", then that of {@code second} as "second", under the first's password. */
    private static Path twoKeys(TestKeyStore first, TestKeyStore second, Path file) throws Exception {
        char[] password = first.password().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        copyKey(first, store, "first", password);
        copyKey(second, store, "second", password);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    private static void copyKey(TestKeyStore from, KeyStore to, String alias, char[] password) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        char[] sourcePassword = from.password().toCharArray();
        try (InputStream in = Files.newInputStream(from.file())) {
            source.load(in, sourcePassword);
        }
        to.setKeyEntry(alias, source.getKey(TestKeyStore.ALIAS, sourcePassword), password,
                source.getCertificateChain(TestKeyStore.ALIAS));
    }

    /** The certificate a server engine of {@code material} presents in a real (in-memory) handshake. */
    private static X509Certificate serverCertificate(KeyMaterial material) throws Exception {
        return InMemoryHandshake.serverCertificate(material.context().createSSLEngine());
    }
}
