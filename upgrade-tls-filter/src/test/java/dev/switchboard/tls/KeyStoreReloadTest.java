package dev.switchboard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/** The RFC 2817 key store is reloaded when its file changes, on a running Tomcat, without a redeploy. */
class KeyStoreReloadTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a replaced key store file is used for the handshakes that follow")
    void aReplacedKeyStoreIsUsed() throws Exception {
        Path file = dir.resolve("server.p12");
        TestKeyStore first = TestKeyStore.create(file);
        X509Certificate before = first.certificate();
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(TlsDeployments.tlsApp("reload", Map.of(
                TlsUpgradeOptions.KEYSTORE, file.toString(),
                TlsUpgradeOptions.KEYSTORE_PASSWORD, first.password(),
                TlsUpgradeOptions.KEYSTORE_RELOAD_INTERVAL, "1s",
                TlsUpgradeOptions.OPTIONAL_UPGRADE, "/*")))) {
            ServerUnderTest s = tomcat.server();
            assertThat(presented(s, TestKeyStore.clientContextTrusting(before))).isEqualTo(before);

            X509Certificate after = TestKeyStore.create(file).certificate();
            assertThat(after).isNotEqualTo(before);
            SSLContext trustsBoth = TestKeyStore.clientContextTrusting(before, after);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> presented(s, trustsBoth).equals(after));
        }
    }

    /** The certificate the server presents on a new RFC 2817 connection. */
    private static X509Certificate presented(ServerUnderTest s, SSLContext client) throws IOException {
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("GET " + s.path("open/") + " HTTP/1.1\r\nHost: " + s.host()
                    + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
            assertThat(c.readHead().status()).isEqualTo(101);
            RawConnection tls = Rfc2817Client.startTls(c, client, s.base().getHost(), s.base().getPort());
            return (X509Certificate) ((SSLSocket) tls.socket()).getSession().getPeerCertificates()[0];
        }
    }
}
