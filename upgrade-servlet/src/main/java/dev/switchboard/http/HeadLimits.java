package dev.switchboard.http;

/**
 * The bounds on one message head read by {@link HeadReader}, each enforced as the bytes arrive.
 *
 * @param maxLineLength the longest start line or field line, in bytes without CRLF; a longer
 *     request line gets {@code 414 URI Too Long}, a longer field line {@code 431}
 * @param maxFieldCount the most field lines; one more gets {@code 431}
 * @param maxHeadSize the most bytes from the first of the head to its empty line inclusive,
 *     empty lines before a request line included; more gets {@code 431}
 */
public record HeadLimits(int maxLineLength, int maxFieldCount, int maxHeadSize) {

    /** 8 KiB lines and head, 100 fields: what Tomcat and Jetty accept by default. */
    public static final HeadLimits DEFAULT = new HeadLimits(8192, 100, 8192);

    /**
     * @throws IllegalArgumentException if a bound is not positive (the field count may be 0)
     */
    public HeadLimits {
        if (maxLineLength < 1 || maxFieldCount < 0 || maxHeadSize < 1) {
            throw new IllegalArgumentException("expected positive limits but was " + maxLineLength + ", "
                    + maxFieldCount + ", " + maxHeadSize);
        }
    }
}
