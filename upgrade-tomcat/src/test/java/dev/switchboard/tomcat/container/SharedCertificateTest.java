package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.catalina.LifecycleState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.tls.TlsUpgradeOptions;

/**
 * The Opossum attack needs a client of an https port to accept the certificate that RFC 2817
 * presents. On Tomcat, where its support lets an application see the server's connectors,
 * RFC 2817's optional form is therefore refused while a TLS connector presents the same key, or a
 * certificate for a name in common; the deployment fails with a message that says why.
 */
class SharedCertificateTest {

    @TempDir
    Path dir;

    /** What the deployment reported: its state, and the messages of the exceptions it logged. */
    private record Deployed(LifecycleState state, String failures) {
    }

    private static Deployed deploy(Map<String, String> params) throws Exception {
        StringBuilder failures = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    failures.append(t.getMessage()).append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.builder(TlsDeployments.tlsApp("shared", params))
                .tlsConnector("https", c -> { }).start()) {
            return new Deployed(tomcat.context().getState(), failures.toString());
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    @DisplayName("TLS-11 the optional form cannot be enabled while Tomcat's https connector presents the same key")
    void theSameKeyOnAnHttpsConnectorIsRefused() throws Exception {
        Deployed d = deploy(Map.of(TlsUpgradeOptions.OPTIONAL_UPGRADE, "/secure/*"));
        assertThat(d.state()).isNotEqualTo(LifecycleState.STARTED);
        assertThat(d.failures()).contains(TlsUpgradeOptions.OPTIONAL_UPGRADE + ": RFC 2817's optional form cannot be enabled"
                + " while the TLS connector on port").contains("Opossum");
    }

    @Test
    @DisplayName("TLS-11 the optional form cannot be enabled while Tomcat's https connector presents another key for the same names")
    void anotherKeyForTheSameNamesIsRefused() throws Exception {
        TestKeyStore other = TestKeyStore.create(dir.resolve("other.p12"));
        Deployed d = deploy(Map.of(TlsUpgradeOptions.OPTIONAL_UPGRADE, "/secure/*",
                TlsUpgradeOptions.KEYSTORE, other.file().toString(),
                TlsUpgradeOptions.KEYSTORE_PASSWORD, other.password()));
        assertThat(d.state()).isNotEqualTo(LifecycleState.STARTED);
        assertThat(d.failures()).contains("(127.0.0.1, localhost) presents a certificate for the same key or names");
    }

    @Test
    @DisplayName("TLS-11 the mandatory form alone may share the https connector's key")
    void theMandatoryFormMayShareTheKey() throws Exception {
        assertThat(deploy(Map.of()).state()).isEqualTo(LifecycleState.STARTED);
    }
}
