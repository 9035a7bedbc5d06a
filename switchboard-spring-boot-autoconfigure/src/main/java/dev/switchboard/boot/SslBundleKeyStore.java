package dev.switchboard.boot;

/** The RFC 2817 key from a Spring SSL bundle. */
final class SslBundleKeyStore {

    /** The starter's property naming the bundle. */
    static final String PROPERTY = "switchboard.tls.ssl-bundle";

    private SslBundleKeyStore() {
    }
}
