package dev.switchboard.testing.tls;

import java.nio.file.Path;

/**
 * The key store of connector-level RFC 2817 tests: the shared test key first (the default,
 * for {@code localhost} and {@code 127.0.0.1}), then a key for {@link #ALPHA} and one for
 * {@link #BETA}, made once per JVM under {@code java.io.tmpdir}.
 */
public final class ConnectorKeys {

    /** A host name with a key of its own. */
    public static final String ALPHA = "alpha.test";
    /** Another host name with a key of its own. */
    public static final String BETA = "beta.test";

    private static TestKeyStore store;

    private ConnectorKeys() {
    }

    public static synchronized TestKeyStore store() {
        if (store == null) {
            store = TestKeyStore.sharedWithHosts(Path.of(System.getProperty("java.io.tmpdir"), "switchboard-connector-keys.p12"),
                    ALPHA, BETA);
        }
        return store;
    }
}
