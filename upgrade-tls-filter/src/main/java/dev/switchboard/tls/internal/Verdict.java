package dev.switchboard.tls.internal;

/** What the TLS policy makes of one request. */
public enum Verdict {
    /** The request is secure: serve it (with HSTS where configured). */
    SECURE,
    /** Cleartext, and TLS is not required: serve it (advertising the upgrade where configured). */
    CLEARTEXT,
    /**
     * Cleartext, TLS is required, and the request asks to upgrade to TLS (RFC 2817 section
     * 3): let the upgrade filter switch; if it does not, the guard answers as for
     * {@link #REQUIRE_TLS}. Only the TLS offers are left in {@code Upgrade}.
     */
    AWAIT_UPGRADE,
    /** Cleartext and TLS is required: answer 426 (or redirect) without serving it. */
    REQUIRE_TLS
}
