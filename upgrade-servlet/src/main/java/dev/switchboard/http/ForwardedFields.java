package dev.switchboard.http;

/**
 * Which forwarding fields a trusted proxy's word is taken from. A proxy sets one family and,
 * unless told otherwise, passes the other through from the client unchanged; believing the
 * family the proxy does not set lets a client forge its address and scheme. Name the family
 * your proxies set.
 */
public enum ForwardedFields {

    /** {@code Forwarded} only (RFC 7239); {@code X-Forwarded-*} are ignored. */
    FORWARDED,

    /** {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only; {@code Forwarded} is ignored. */
    X_FORWARDED,

    /**
     * {@code Forwarded} when the request has it, else {@code X-Forwarded-*}. Safe only when
     * every trusted proxy removes or overwrites both families.
     */
    EITHER;

    boolean forwarded() {
        return this != X_FORWARDED;
    }

    boolean xForwarded() {
        return this != FORWARDED;
    }
}
