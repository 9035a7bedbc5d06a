package dev.switchboard.http;

/**
 * The bounds on one body read by {@link ChunkedDecoder}, each enforced as the bytes arrive.
 *
 * @param maxLineLength the longest chunk-size line, extensions included, in bytes without
 *     CRLF; longer is 400
 * @param maxTrailerSize the most bytes of the trailer section, its empty line included; more is 431
 * @param maxContentLength the most content bytes in all chunks together; more is 413, refused
 *     when the chunk that would pass it is announced, before its data is read
 */
public record ChunkedLimits(int maxLineLength, int maxTrailerSize, long maxContentLength) {

    /** 4 KiB chunk lines, 8 KiB of trailers, no limit on the content beyond 2<sup>63</sup>-1. */
    public static final ChunkedLimits DEFAULT = new ChunkedLimits(4096, 8192, Long.MAX_VALUE);

    /**
     * @throws IllegalArgumentException if a bound is not positive
     */
    public ChunkedLimits {
        if (maxLineLength < 1 || maxTrailerSize < 2 || maxContentLength < 0) {
            throw new IllegalArgumentException("expected positive limits but was " + maxLineLength + ", "
                    + maxTrailerSize + ", " + maxContentLength);
        }
    }
}
