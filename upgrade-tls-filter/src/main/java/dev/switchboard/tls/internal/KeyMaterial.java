package dev.switchboard.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's key and certificate for RFC 2817 connections, loaded from a key store file
 * and reloaded when the file changes: at most once per check interval, a new handshake
 * looks at the file's size and modification time, and a changed file is loaded for the
 * handshakes that follow (connections already open keep their session). A file that fails
 * to load is reported and the previous key stays in use. Thread-safe.
 */
public final class KeyMaterial {

    private static final Logger LOG = Logger.getLogger(KeyMaterial.class.getName());

    /** Where the key store is and how to open it. */
    public record Source(Path file, String type, char[] password, char[] keyPassword, String alias) {
    }

    private final Source source;
    private final long checkIntervalNanos;
    private volatile Loaded loaded;
    private volatile long nextCheckNanos;

    private record Loaded(SSLContext context, Object stamp) {
    }

    /**
     * Loads the key store now.
     *
     * @param checkInterval how often to look for a changed file; zero never
     * @throws IllegalArgumentException if the store cannot be loaded or holds no usable key,
     *     with a message that names the file
     */
    public KeyMaterial(Source source, Duration checkInterval) {
        this.source = source;
        this.checkIntervalNanos = checkInterval.toNanos();
        try {
            this.loaded = load();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot load the key store " + source.file() + ": " + e.getMessage(), e);
        }
        this.nextCheckNanos = System.nanoTime() + checkIntervalNanos;
    }

    /** The current context, reloaded first if the check interval has passed and the file changed. */
    public SSLContext context() {
        if (checkIntervalNanos > 0 && System.nanoTime() - nextCheckNanos >= 0) {
            reloadIfChanged();
        }
        return loaded.context();
    }

    /** The protocols the JDK supports for server engines, by JSSE name. */
    public Set<String> supportedProtocols() {
        return Set.copyOf(Arrays.asList(loaded.context().getSupportedSSLParameters().getProtocols()));
    }

    /** The cipher suites the JDK supports, by JSSE name. */
    public List<String> supportedCipherSuites() {
        return List.of(loaded.context().getSupportedSSLParameters().getCipherSuites());
    }

    private synchronized void reloadIfChanged() {
        long now = System.nanoTime();
        if (now - nextCheckNanos < 0) {
            return; // another thread has just checked
        }
        nextCheckNanos = now + checkIntervalNanos;
        try {
            Object stamp = stamp(source.file());
            if (stamp.equals(loaded.stamp())) {
                return;
            }
            loaded = load();
            LOG.info("Reloaded the RFC 2817 key store " + source.file());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot reload the key store " + source.file() + "; keeping the previous key: " + e, e);
        }
    }

    private Loaded load() throws IOException, GeneralSecurityException {
        Object stamp = stamp(source.file());
        KeyStore store = KeyStore.getInstance(source.type());
        try (InputStream in = Files.newInputStream(source.file())) {
            store.load(in, source.password());
        }
        String alias = source.alias() != null ? source.alias() : firstKeyAlias(store);
        if (!store.isKeyEntry(alias)) {
            throw new GeneralSecurityException("no key entry named \"" + alias + "\"");
        }
        if (store.getKey(alias, source.keyPassword()) == null) {
            throw new GeneralSecurityException("the key \"" + alias + "\" cannot be read with the given password");
        }
        // One key, presented whatever the client asks for: SunX509 looks it up by alias at once,
        // where the PKIX key manager searches and checks the store on every handshake (about
        // 8 ms each here, which made an RFC 2817 handshake slower than the container's own).
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(store, source.keyPassword());
        KeyManager[] managers = kmf.getKeyManagers();
        for (int i = 0; i < managers.length; i++) {
            if (managers[i] instanceof X509ExtendedKeyManager m) {
                managers[i] = new FixedAlias(m, alias);
            }
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers, null, null);
        return new Loaded(context, stamp);
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("the store holds no private key");
    }

    private static Object stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    }

    /** Always presents the configured key, whatever the client asks for. */
    private static final class FixedAlias extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;
        private final String alias;

        FixedAlias(X509ExtendedKeyManager delegate, String alias) {
            this.delegate = delegate;
            this.alias = alias;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return matches(keyType) ? alias : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return matches(keyType) ? alias : null;
        }

        private boolean matches(String keyType) {
            PrivateKey key = delegate.getPrivateKey(alias);
            if (key == null) {
                return false;
            }
            String algorithm = key.getAlgorithm();
            return keyType.equalsIgnoreCase(algorithm) || (keyType.startsWith("EC") && algorithm.equals("EC"))
                    || keyType.equalsIgnoreCase("RSASSA-PSS") && algorithm.equals("RSA");
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return matches(keyType) ? new String[] {alias} : null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String a) {
            return delegate.getCertificateChain(a);
        }

        @Override
        public PrivateKey getPrivateKey(String a) {
            return delegate.getPrivateKey(a);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
