package dev.switchboard.tls.internal.engine;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the key an RFC 2817 handshake presents: by the host name the connection was
 * upgraded for (RFC 2817 section 1: the server learns it from the request's {@code Host}, so
 * a client needs no SNI), else by the client's SNI name, else the store's default key.
 *
 * <p>The host name travels with the engine: create it with {@code createSSLEngine(host, port)},
 * where {@code host} is the {@code Host} of the upgraded request without its port. A peer host
 * that is an IP address literal names no host (a client address, or a {@code Host} such as
 * {@code 127.0.0.1}). When the engine names a host and the client sends an SNI name that
 * differs, no key is chosen and the handshake fails: the client asked for another server than
 * the request did.
 *
 * <p>A configured alias overrides all of this: that key is always presented. Immutable and
 * thread-safe.
 */
final class HostKeyManager extends X509ExtendedKeyManager {

    /** A key entry and the host names its certificate is for. */
    record Entry(String alias, CertificateNames names) {
    }

    private final X509ExtendedKeyManager delegate;
    private final String fixedAlias;
    private final String defaultAlias;
    private final List<Entry> entries;

    /**
     * @param fixedAlias the configured alias, or null to choose by host name
     * @param defaultAlias the key for handshakes that name no host the store has a key for
     * @param entries every key entry of the store, in store order
     */
    HostKeyManager(X509ExtendedKeyManager delegate, String fixedAlias, String defaultAlias, List<Entry> entries) {
        this.delegate = delegate;
        this.fixedAlias = fixedAlias;
        this.defaultAlias = defaultAlias;
        this.entries = List.copyOf(entries);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        String alias = fixedAlias != null ? fixedAlias : choose(engine);
        return alias != null && matches(keyType, alias) ? alias : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        String alias = fixedAlias != null ? fixedAlias : defaultAlias;
        return matches(keyType, alias) ? alias : null;
    }

    /** The alias for {@code engine}'s handshake, or null to refuse it. */
    private String choose(SSLEngine engine) {
        String host = hostName(engine.getPeerHost());
        String sni = sniName(engine.getHandshakeSession());
        if (host != null && sni != null && !host.equalsIgnoreCase(sni)) {
            return null; // SNI names another server than the upgraded request's Host
        }
        String wanted = host != null ? host : sni;
        if (wanted != null) {
            for (Entry e : entries) {
                if (e.names().matches(wanted)) {
                    return e.alias();
                }
            }
        }
        return defaultAlias;
    }

    /** {@code peerHost} when it is a DNS name; null for an address literal or nothing. */
    static String hostName(String peerHost) {
        if (peerHost == null || peerHost.isEmpty() || peerHost.indexOf(':') >= 0) {
            return null; // absent, or IPv6
        }
        String h = peerHost.endsWith(".") ? peerHost.substring(0, peerHost.length() - 1) : peerHost;
        boolean numeric = true;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                numeric = false;
                break;
            }
        }
        return numeric ? null : h.toLowerCase(Locale.ROOT);
    }

    private static String sniName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return null;
    }

    private boolean matches(String keyType, String alias) {
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
        String alias = fixedAlias != null ? fixedAlias : defaultAlias;
        return matches(keyType, alias) ? new String[] {alias} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
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
