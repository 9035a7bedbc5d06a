package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;

class SslBundleKeyStoreTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static KeyStore first;
    private static KeyStore second;

    @BeforeAll
    static void keys() throws Exception {
        first = keyStore("first");
        second = keyStore("second");
    }

    private static KeyStore keyStore(String name) throws Exception {
        Path file = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static SslBundle bundle(KeyStore keyStore) {
        return SslBundle.of(SslStoreBundle.of(keyStore, PASSWORD, null), SslBundleKey.of(PASSWORD, "server"));
    }

    private static String subject(Map<String, String> options) throws Exception {
        KeyStore ks = KeyStore.getInstance(options.get("switchboard.tls.keystoreType"));
        try (InputStream in = Files.newInputStream(Path.of(options.get("switchboard.tls.keystore")))) {
            ks.load(in, options.get("switchboard.tls.keystorePassword").toCharArray());
        }
        assertThat(ks.getKey(options.get("switchboard.tls.keyAlias"), options.get("switchboard.tls.keyPassword").toCharArray()))
                .isNotNull();
        return ((X509Certificate) ks.getCertificate(options.get("switchboard.tls.keyAlias"))).getSubjectX500Principal().getName();
    }

    @Test
    void theKeyStoreOptionsNameAFileHoldingTheBundlesKey() throws Exception {
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("server", bundle(first));

        Map<String, String> options = SslBundleKeyStore.options("server", bundles, Map.of());

        assertThat(subject(options)).isEqualTo("CN=first");
        assertThat(options.get("switchboard.tls.keyAlias")).isEqualTo("server");
    }

    @Test
    void theFileIsReadableByThisUserOnly() throws Exception {
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("server", bundle(first));

        Path file = Path.of(SslBundleKeyStore.options("server", bundles, Map.of()).get("switchboard.tls.keystore"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aReloadedBundleRewritesTheFile() throws Exception {
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("server", bundle(first));
        Map<String, String> options = SslBundleKeyStore.options("server", bundles, Map.of());

        bundles.updateBundle("server", bundle(second));

        assertThat(subject(options)).isEqualTo("CN=second");
    }

    @Test
    void aKeyStoreSetBesideTheBundleFailsNamingBoth() throws IOException {
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();

        assertThatThrownBy(() -> SslBundleKeyStore.options("server", bundles,
                Map.of("switchboard.tls.keystore", "/etc/keys/tls.p12")))
                .isInstanceOf(SwitchboardConfigurationException.class)
                .hasMessage("switchboard.tls.ssl-bundle=server and switchboard.tls.keystore both name the RFC 2817 key");
    }
}
