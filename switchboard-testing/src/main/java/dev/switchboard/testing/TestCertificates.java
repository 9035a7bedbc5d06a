package dev.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made fresh for each
 * test JVM with the JDK's own {@code keytool} (so nothing committed can expire), and an
 * {@link SSLContext} that trusts it.
 */
public final class TestCertificates {

    /** The password of the key store and of the key. */
    public static final String PASSWORD = "changeit";

    private static Path keystore;

    private TestCertificates() {
    }

    /** A PKCS#12 key store holding the key and certificate under the alias {@code server}. */
    public static synchronized Path keystore() throws IOException {
        if (keystore == null) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "switchboard-tls");
            Path file = dir.resolve("localhost.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("keytool failed: " + new String(p.getInputStream().readAllBytes()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            keystore = file;
        }
        return keystore;
    }

    /** A client context that trusts exactly the test certificate. */
    public static SSLContext clientContext() throws IOException {
        try (InputStream in = Files.newInputStream(keystore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
