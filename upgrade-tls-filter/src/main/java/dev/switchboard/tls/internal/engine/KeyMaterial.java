package dev.switchboard.tls.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedKeyManager;

import dev.switchboard.http.Authority;
import dev.switchboard.http.WireFormatException;

/**
 * The server's keys and certificates for RFC 2817 connections, loaded from a key store file
 * and reloaded when the file changes: at most once per check interval, a new handshake
 * looks at the file's size and modification time, and a changed file is loaded for the
 * handshakes that follow (connections already open keep their session). A file that fails
 * to load is reported and the previous key stays in use.
 *
 * <p>A store may hold several keys, one per host name: a handshake presents the key whose
 * certificate is for the host the connection was upgraded for (the request's {@code Host},
 * passed as the engine's peer host: {@code context().createSSLEngine(host, port)}), so that
 * clients without SNI get the right certificate; an SNI name that differs from that host ends
 * the handshake. Without a host, the SNI name chooses; without either, the first key of the
 * store. A configured alias always presents that one key (see {@link HostKeyManager}).
 * Thread-safe.
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

    /**
     * The host name a {@code Host} field value names, for {@code createSSLEngine(host, port)}:
     * its host, lower-cased, without the port; null when the field is absent, malformed or
     * names an IP address (which names no certificate here).
     */
    public static String hostOf(String hostField) {
        if (hostField == null) {
            return null;
        }
        try {
            Authority authority = Authority.parse(hostField.trim());
            return authority.address().isPresent() ? null : authority.host();
        } catch (WireFormatException e) {
            return null;
        }
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
        String fixed = source.alias();
        if (fixed != null) {
            if (!store.isKeyEntry(fixed)) {
                throw new GeneralSecurityException("no key entry named \"" + fixed + "\"");
            }
            if (store.getKey(fixed, source.keyPassword()) == null) {
                throw new GeneralSecurityException("the key \"" + fixed + "\" cannot be read with the given password");
            }
        }
        List<HostKeyManager.Entry> entries = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                entries.add(new HostKeyManager.Entry(alias, CertificateNames.of(certificate)));
            }
        }
        if (entries.isEmpty()) {
            throw new GeneralSecurityException("the store holds no private key");
        }
        // SunX509 looks keys up by alias at once, where the PKIX key manager searches and checks
        // the store on every handshake (about 8 ms each here, which made an RFC 2817 handshake
        // slower than the container's own); HostKeyManager picks the alias itself.
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(store, source.keyPassword());
        KeyManager[] managers = kmf.getKeyManagers();
        for (int i = 0; i < managers.length; i++) {
            if (managers[i] instanceof X509ExtendedKeyManager m) {
                managers[i] = new HostKeyManager(m, fixed, entries.get(0).alias(), entries);
            }
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers, null, null);
        return new Loaded(context, stamp);
    }

    private static Object stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    }
}
