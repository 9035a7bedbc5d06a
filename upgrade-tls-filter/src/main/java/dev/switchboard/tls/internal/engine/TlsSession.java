package dev.switchboard.tls.internal.engine;

import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLSession;

/**
 * What the application may learn about the TLS session of an RFC 2817 connection, captured
 * when its handshake completes. Immutable.
 *
 * @param protocol such as {@code TLSv1.3}
 * @param cipherSuite the JSSE name of the suite
 * @param sessionId the session id in hex; empty when the session has none
 * @param keySize the symmetric key size in bits
 */
public record TlsSession(String protocol, String cipherSuite, String sessionId, int keySize) {

    /** Captures {@code session}. */
    public static TlsSession of(SSLSession session) {
        byte[] id = session.getId();
        return new TlsSession(session.getProtocol(), session.getCipherSuite(),
                id == null ? "" : HexFormat.of().formatHex(id), keySize(session.getCipherSuite()));
    }

    /** The key size of a JSSE suite name, as Servlet containers report it. */
    static int keySize(String suite) {
        String s = suite.toUpperCase(Locale.ROOT);
        if (s.contains("_256_") || s.contains("CHACHA20")) {
            return 256;
        }
        if (s.contains("_128_")) {
            return 128;
        }
        if (s.contains("3DES")) {
            return 168;
        }
        return 0;
    }
}
