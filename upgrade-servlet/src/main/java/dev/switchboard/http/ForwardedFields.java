package dev.switchboard.http;

/**
 * Which forwarding fields a trusted proxy's word is taken from. A proxy sets one family and,
 * unless told otherwise, passes the other through from the client unchanged (nginx's
 * {@code proxy_set_header X-Forwarded-For ...} leaves a client's {@code Forwarded} in place);
 * believing the family the proxy does not set lets a client forge its address and scheme.
 * Name the family your proxies set; {@link #EITHER}, the default, refuses what it cannot tell.
 */
public enum ForwardedFields {

    /** {@code Forwarded} only (RFC 7239); {@code X-Forwarded-*} are ignored. */
    FORWARDED,

    /** {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only; {@code Forwarded} is ignored. */
    X_FORWARDED,

    /**
     * Whichever one family the request carries. A request from a trusted proxy that carries
     * both gets {@code 400}: one of them may be the client's own, and nothing says which.
     */
    EITHER;

    boolean forwarded() {
        return this != X_FORWARDED;
    }

    boolean xForwarded() {
        return this != FORWARDED;
    }
}
