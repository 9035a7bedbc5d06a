package dev.switchboard.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS context for {@code https://} backends from a trust store file. */
final class TrustStores {

    private TrustStores() {
    }

    /**
     * @throws IllegalArgumentException naming {@code param} if the store cannot be read
     */
    static SSLContext sslContext(String param, String path, String type, String password) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(param + ": cannot read the " + type + " trust store \"" + path
                    + "\": " + e.getMessage(), e);
        }
    }
}
