package dev.switchboard.proxy;

/**
 * Which fields the tunnel adds to a forwarded request to describe the client side of the hop
 * (RFC 7239; the {@code X-Forwarded-*} fields are the de-facto equivalent that many backends
 * read instead).
 */
public enum ForwardingFields {

    /** Adds nothing. */
    NONE,

    /** Appends an element to {@code Forwarded}: {@code for}, {@code host}, {@code proto}. */
    FORWARDED,

    /** Appends to {@code X-Forwarded-For} and sets {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}. */
    X_FORWARDED,

    /** Both of the above. */
    BOTH;

    /** Whether a {@code Forwarded} element is added. */
    public boolean forwarded() {
        return this == FORWARDED || this == BOTH;
    }

    /** Whether the {@code X-Forwarded-*} fields are added. */
    public boolean xForwarded() {
        return this == X_FORWARDED || this == BOTH;
    }
}
