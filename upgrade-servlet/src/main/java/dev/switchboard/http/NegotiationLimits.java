package dev.switchboard.http;

/**
 * Bounds on the {@code Upgrade} field that negotiation accepts before it parses anything.
 * A request beyond them is refused with {@code 431}.
 *
 * @param maxFieldLength the combined length of all {@code Upgrade} field lines, in characters
 * @param maxProtocols the number of protocols the lines may list together
 */
public record NegotiationLimits(int maxFieldLength, int maxProtocols) {

    /** 1024 characters, 16 protocols: far above any real client, far below a hostile one. */
    public static final NegotiationLimits DEFAULT = new NegotiationLimits(1024, 16);

    public NegotiationLimits {
        if (maxFieldLength < 1) {
            throw new IllegalArgumentException("expected maxFieldLength >= 1 but was " + maxFieldLength);
        }
        if (maxProtocols < 1) {
            throw new IllegalArgumentException("expected maxProtocols >= 1 but was " + maxProtocols);
        }
    }
}
