package dev.switchboard.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import dev.switchboard.tls.TlsUpgradeOptions;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundles;

/**
 * The RFC 2817 key from a Spring SSL bundle ({@code switchboard.tls.ssl-bundle=<name>}, the
 * bundle declared under {@code spring.ssl.bundle.*}, JKS/PKCS#12 or PEM alike). Switchboard's
 * RFC 2817 protocol reads its key from a key store file; this class keeps such a file, readable
 * by this process's user only, with the bundle's keys under a password of its own, and sets the
 * key store options to it ({@code switchboard.tls.keystore}, {@code keystorePassword},
 * {@code keystoreType}, {@code keyAlias}, {@code keyPassword}). When Boot reloads the bundle, the
 * file is rewritten in one move; Switchboard notices within
 * {@code switchboard.tls.keystore-reload-interval}. Only the key store options are set: whether
 * RFC 2817 upgrades are on stays with Switchboard's own options.
 */
final class SslBundleKeyStore {

    /** The starter's property naming the bundle. */
    static final String PROPERTY = "switchboard.tls.ssl-bundle";

    static final String KEYSTORE = TlsUpgradeOptions.KEYSTORE;
    static final String KEYSTORE_PASSWORD = TlsUpgradeOptions.KEYSTORE_PASSWORD;
    static final String KEYSTORE_TYPE = TlsUpgradeOptions.KEYSTORE_TYPE;
    static final String KEY_ALIAS = TlsUpgradeOptions.KEY_ALIAS;
    static final String KEY_PASSWORD = TlsUpgradeOptions.KEY_PASSWORD;

    private static final Logger LOG = Logger.getLogger(SslBundleKeyStore.class.getName());

    private final String bundle;
    private final Path file;
    private final char[] password;

    private SslBundleKeyStore(String bundle, Path file, char[] password) {
        this.bundle = bundle;
        this.file = file;
        this.password = password;
    }

    /**
     * Writes the bundle's key store, follows the bundle's reloads, and returns the key store
     * options.
     *
     * @throws SwitchboardConfigurationException if the key store options are set as well, or the
     *     bundle has no key
     */
    static Map<String, String> options(String name, SslBundles bundles, Map<String, String> configured) {
        if (configured.containsKey(KEYSTORE)) {
            throw new SwitchboardConfigurationException(PROPERTY + "=" + name + " and " + KEYSTORE + " both name the "
                    + "RFC 2817 key", "Keep one of the two.");
        }
        SslBundle initial = bundles.getBundle(name);
        try {
            Path dir = Files.createTempDirectory("switchboard-ssl-bundle-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            dir.toFile().deleteOnExit();
            SslBundleKeyStore store = new SslBundleKeyStore(name, dir.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_") + ".p12"),
                    randomPassword());
            store.write(initial);
            store.file.toFile().deleteOnExit();
            bundles.addBundleUpdateHandler(name, store::reload);
            Map<String, String> options = new LinkedHashMap<>();
            options.put(KEYSTORE, store.file.toString());
            options.put(KEYSTORE_PASSWORD, new String(store.password));
            options.put(KEYSTORE_TYPE, "PKCS12");
            options.put(KEY_PASSWORD, new String(store.password));
            String alias = initial.getKey().getAlias();
            if (alias != null) {
                options.put(KEY_ALIAS, alias);
            }
            return Collections.unmodifiableMap(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the key of SSL bundle " + name + " for RFC 2817", e);
        }
    }

    private void reload(SslBundle updated) {
        try {
            write(updated);
            LOG.info("RFC 2817 key store rewritten from the reloaded SSL bundle " + bundle);
        } catch (IOException | RuntimeException e) {
            LOG.warning("Could not rewrite the RFC 2817 key store from the reloaded SSL bundle " + bundle
                    + "; the previous key stays in use: " + e);
        }
    }

    /** Copies the bundle's key entries into a PKCS#12 store under this store's password, written in one move. */
    private void write(SslBundle source) throws IOException {
        KeyStore from = source.getStores().getKeyStore();
        if (from == null) {
            throw new SwitchboardConfigurationException("SSL bundle " + bundle + " (" + PROPERTY + ") has no key store",
                    "Give the bundle a key store or PEM key and certificate.");
        }
        SslBundleKey key = source.getKey();
        char[] keyPassword = key.getPassword() != null ? key.getPassword().toCharArray()
                : source.getStores().getKeyStorePassword() != null
                        ? source.getStores().getKeyStorePassword().toCharArray() : new char[0];
        try {
            KeyStore to = KeyStore.getInstance("PKCS12");
            to.load(null, password);
            for (String alias : Collections.list(from.aliases())) {
                if (from.isKeyEntry(alias) && (key.getAlias() == null || key.getAlias().equals(alias))) {
                    Key k = from.getKey(alias, keyPassword);
                    Certificate[] chain = from.getCertificateChain(alias);
                    to.setKeyEntry(alias, k, password, chain);
                }
            }
            if (to.size() == 0) {
                throw new SwitchboardConfigurationException("SSL bundle " + bundle + " (" + PROPERTY + ") holds no key"
                        + (key.getAlias() == null ? "" : " under the alias " + key.getAlias()),
                        "Give the bundle the key RFC 2817 handshakes present.");
            }
            Path next = Files.createTempFile(file.getParent(), "next-", ".p12");
            try (OutputStream out = Files.newOutputStream(next)) {
                to.store(out, password);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("SSL bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
