package dev.switchboard.testing.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.switchboard.testing.TestCertificates;

/**
 * A self-signed PKCS#12 key store for {@code localhost} and {@code 127.0.0.1}, made by the
 * JDK's own {@code keytool} when a test first asks for it, valid for a few days: nothing
 * is committed and nothing expires. Clients trust exactly its certificate. {@link #shared()}
 * is {@link TestCertificates}' store; {@link #create(Path)} makes others, for tests that
 * replace a server's key.
 *
 * @param file the key store
 * @param password the store and key password
 */
public record TestKeyStore(Path file, String password) {

    /** The alias of the key entry. */
    public static final String ALIAS = "server";

    private static TestKeyStore shared;

    /** The key store of this JVM: the one {@link TestCertificates} makes, so that every test trusts one certificate. */
    public static synchronized TestKeyStore shared() {
        if (shared == null) {
            try {
                shared = new TestKeyStore(TestCertificates.keystore(), TestCertificates.PASSWORD);
            } catch (IOException e) {
                throw new IllegalStateException("keytool could not make the test key store", e);
            }
        }
        return shared;
    }

    /**
     * Makes a new key store at {@code file} (replacing one that is there) with a new EC key.
     *
     * @throws IllegalStateException if keytool fails
     */
    public static TestKeyStore create(Path file) {
        String password = "switchboard";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "7",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", tmp.toString(), "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            // Replaced in one step, so that a server that reloads the file never sees half of it.
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new TestKeyStore(file, password);
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a new key store at {@code file} with one EC key per host name, each under the host
     * name as its alias, with a certificate for that name alone ({@code CN} and {@code SAN}); the
     * first host's key comes first. For servers that choose a certificate by host.
     *
     * @throws IllegalStateException if keytool fails
     */
    public static TestKeyStore createForHosts(Path file, String... hosts) {
        String password = "switchboard";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            for (String host : hosts) {
                Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", host,
                        "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "7",
                        "-dname", "CN=" + host, "-ext", "SAN=dns:" + host,
                        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password))
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
            }
            return new TestKeyStore(file, password);
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a key store at {@code file} holding the {@link #shared()} key first (for
     * {@code localhost} and {@code 127.0.0.1}, under {@link #ALIAS}), then one key per host
     * name as {@link #createForHosts} makes them: for servers that present a certificate by
     * host, with the shared one as their default.
     */
    public static TestKeyStore sharedWithHosts(Path file, String... hosts) {
        TestKeyStore shared = shared();
        TestKeyStore named = createForHosts(file.resolveSibling(file.getFileName() + ".hosts"), hosts);
        try {
            char[] password = named.password().toCharArray();
            KeyStore out = KeyStore.getInstance("PKCS12");
            out.load(null, null);
            KeyStore first = load(shared);
            char[] sharedPassword = shared.password().toCharArray();
            out.setKeyEntry(ALIAS, first.getKey(ALIAS, sharedPassword), password, first.getCertificateChain(ALIAS));
            KeyStore rest = load(named);
            for (String host : hosts) {
                out.setKeyEntry(host, rest.getKey(host, password), password, rest.getCertificateChain(host));
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                out.store(o, password);
            }
            return new TestKeyStore(file, named.password());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(TestKeyStore keys) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keys.file())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keys.password().toCharArray());
            return store;
        }
    }

    /** The certificate of the key entry named {@code alias}. */
    public X509Certificate certificate(String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return (X509Certificate) store.getCertificate(alias);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate of the key entry. */
    public X509Certificate certificate() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return (X509Certificate) store.getCertificate(ALIAS);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts this key store's certificate and nothing else. */
    public SSLContext clientContext() {
        return clientContextTrusting(certificate());
    }

    /** A client context that trusts exactly {@code certificates}. */
    public static SSLContext clientContextTrusting(X509Certificate... certificates) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                trust.setCertificateEntry(ALIAS + i, certificates[i]);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
