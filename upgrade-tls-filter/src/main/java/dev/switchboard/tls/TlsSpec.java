package dev.switchboard.tls;

import dev.switchboard.http.ProtocolToken;

/**
 * The constants of mandatory TLS and of RFC 2817, each with the section that defines it.
 * General HTTP constants, status codes and field names among them, are in
 * {@link dev.switchboard.http.HttpSpec}.
 */
public final class TlsSpec {

    private TlsSpec() {
    }

    // ---------------------------------------------------------------- protocol tokens

    /** The protocol name of TLS in {@code Upgrade} (RFC 2817 section 7.2: {@code TLS/1.0}, and later versions). */
    public static final String TLS_PROTOCOL_NAME = "TLS";

    /** The protocol that runs on top of TLS after the switch, last in a 101's stack (RFC 2817 section 3.3). */
    public static final ProtocolToken HTTP_1_1 = ProtocolToken.of("HTTP", "1.1");

    /** TLS 1.0 as an upgrade token (RFC 2817 section 7.2); accepted, never negotiated below the minimum. */
    public static final ProtocolToken TLS_1_0 = ProtocolToken.of(TLS_PROTOCOL_NAME, "1.0");

    /** TLS 1.1 as an upgrade token; accepted, never negotiated below the minimum. */
    public static final ProtocolToken TLS_1_1 = ProtocolToken.of(TLS_PROTOCOL_NAME, "1.1");

    /** TLS 1.2 (RFC 5246) as an upgrade token. */
    public static final ProtocolToken TLS_1_2 = ProtocolToken.of(TLS_PROTOCOL_NAME, "1.2");

    /** TLS 1.3 (RFC 8446) as an upgrade token. */
    public static final ProtocolToken TLS_1_3 = ProtocolToken.of(TLS_PROTOCOL_NAME, "1.3");

    // ---------------------------------------------------------------- JSSE protocol names

    /** The JSSE name of TLS 1.2 (RFC 5246), the default minimum. */
    public static final String TLS_V1_2 = "TLSv1.2";

    /** The JSSE name of TLS 1.3 (RFC 8446). */
    public static final String TLS_V1_3 = "TLSv1.3";

    // ---------------------------------------------------------------- HSTS directives

    /** Seconds a client remembers the HSTS policy (RFC 6797 section 6.1.1). */
    public static final String HSTS_MAX_AGE = "max-age";

    /** The HSTS policy covers subdomains too (RFC 6797 section 6.1.2). */
    public static final String HSTS_INCLUDE_SUBDOMAINS = "includeSubDomains";

    /** Consent to browser preload lists; not part of RFC 6797 but read by every browser (hstspreload.org). */
    public static final String HSTS_PRELOAD = "preload";

    // ---------------------------------------------------------------- servlet request attributes

    /** The cipher suite of a TLS request (Servlet 6.0 section 3.10). */
    public static final String ATTR_CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";

    /** The symmetric key size of a TLS request, an {@code Integer} (Servlet 6.0 section 3.10). */
    public static final String ATTR_KEY_SIZE = "jakarta.servlet.request.key_size";

    /** The TLS session id, in hex (Servlet 6.0 section 3.10). */
    public static final String ATTR_SSL_SESSION_ID = "jakarta.servlet.request.ssl_session_id";

    /** The negotiated TLS protocol version, such as {@code TLSv1.3} (Servlet 6.1 section 3.10). */
    public static final String ATTR_SECURE_PROTOCOL = "jakarta.servlet.request.secure_protocol";
}
