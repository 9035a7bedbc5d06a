package dev.switchboard.websocket.handshake;

/**
 * Bounds on what a handshake may carry, checked before anything is parsed. A handshake beyond
 * them is refused with {@code 431 Request Header Fields Too Large} (RFC 6585 section 5).
 *
 * @param maxFieldLength the combined length, in characters, of all lines of each of
 *     {@code Sec-WebSocket-Protocol}, {@code Sec-WebSocket-Extensions} and {@code Origin}
 * @param maxOffers how many subprotocols, and how many extension offers, one handshake may list
 */
public record HandshakeLimits(int maxFieldLength, int maxOffers) {

    /** 4096 characters per field, 32 offers: far above any real client, far below a hostile one. */
    public static final HandshakeLimits DEFAULT = new HandshakeLimits(4096, 32);

    public HandshakeLimits {
        if (maxFieldLength < 64) {
            throw new IllegalArgumentException("expected maxFieldLength >= 64 but was " + maxFieldLength);
        }
        if (maxOffers < 1) {
            throw new IllegalArgumentException("expected maxOffers >= 1 but was " + maxOffers);
        }
    }
}
