package dev.switchboard.jetty.tls;

import java.security.Principal;
import java.util.Collection;
import java.util.Locale;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import org.eclipse.jetty.util.ssl.SniX509ExtendedKeyManager;
import org.eclipse.jetty.util.ssl.X509;

/**
 * Chooses the certificate of an in-place TLS upgrade by the upgraded request's {@code Host}
 * (RFC 2817 section 1), which the engine carries as its peer host: a client that sends no SNI
 * still gets the certificate for the name it asked for. When the client does send an SNI name
 * that differs from that host, the handshake ends: it asked for another server than the
 * request did. Without a host name (a {@code Host} that is an address), the SNI name chooses;
 * without either, or for a name no certificate is for, Jetty's default key: the
 * {@code SslContextFactory}'s {@code certAlias}, which should therefore be set.
 *
 * <p>Jetty asks its selector only when the key store holds several certificates (one per
 * host); with a single certificate there is nothing to choose, and the
 * {@code SecureRequestCustomizer} still refuses requests whose {@code Host} differs from the
 * SNI name. Stateless and thread-safe.
 */
public final class HostSniSelector implements SniX509ExtendedKeyManager.SniSelector {

    @Override
    public String sniSelect(String keyType, Principal[] issuers, SSLSession session, String sniHost,
            Collection<X509> certificates) throws SSLHandshakeException {
        String host = hostName(session == null ? null : session.getPeerHost());
        if (host != null && sniHost != null && !host.equalsIgnoreCase(sniHost)) {
            throw new SSLHandshakeException("SNI name " + sniHost + " is not the upgraded request's host " + host);
        }
        String wanted = host != null ? host : sniHost;
        if (wanted != null) {
            for (X509 certificate : certificates) {
                if (certificate.matches(wanted)) {
                    return certificate.getAlias();
                }
            }
        }
        return DELEGATE;
    }

    /** {@code peerHost} when it is a DNS name; null for an address literal or nothing. */
    static String hostName(String peerHost) {
        if (peerHost == null || peerHost.isEmpty() || peerHost.indexOf(':') >= 0 || peerHost.startsWith("[")) {
            return null;
        }
        for (int i = 0; i < peerHost.length(); i++) {
            char c = peerHost.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return peerHost.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
