package dev.switchboard.http.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.switchboard.http.WireFormatException;

/**
 * Collects one line from input that arrives in pieces (RFC 9112 section 2.2): the bytes up to
 * a line feed, without the line feed and the carriage return before it. A carriage return
 * anywhere else is refused, as is a bare line feed where {@code crlfOnly} is set (the chunked
 * coding, section 7.1, where the leniency of section 2.2 does not apply). Holds at most
 * {@code maxLength} bytes of content plus the CR; past that it stops reading and reports
 * {@link #tooLong()}. Each byte is looked at once. Not thread-safe.
 */
public final class LineReader {

    private final int maxLength;
    private final boolean crlfOnly;
    private final String what;
    private byte[] bytes;
    private int length;
    private boolean tooLong;

    /**
     * @param what what the lines are part of, for reasons: {@code "request head"}, say
     */
    public LineReader(int maxLength, boolean crlfOnly, String what) {
        this.maxLength = maxLength;
        this.crlfOnly = crlfOnly;
        this.what = what;
        this.bytes = new byte[Math.min(256, maxLength + 1)];
    }

    /**
     * Reads from {@code in}, consuming at most {@code budget} bytes, up to and including the
     * line feed that ends the line.
     *
     * @return the line, ISO-8859-1 decoded, or null when it is not complete: {@code in} or the
     *     budget ran out, or the line is {@linkplain #tooLong() too long}
     * @throws WireFormatException (400) for a bare CR, or a bare LF where CRLF is required
     */
    public String read(ByteBuffer in, int budget) {
        int left = budget;
        while (left > 0 && in.hasRemaining() && !tooLong) {
            byte b = in.get();
            left--;
            if (b == '\n') {
                return finish();
            }
            if (length == maxLength + 1) {
                tooLong = true;
                return null;
            }
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, maxLength + 1));
            }
            bytes[length++] = b;
        }
        return null;
    }

    /** Whether the line passed {@code maxLength} bytes; it is then abandoned. */
    public boolean tooLong() {
        return tooLong;
    }

    /** Whether part of a line is held. */
    public boolean isEmpty() {
        return length == 0;
    }

    private String finish() {
        int end = length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        } else if (crlfOnly) {
            throw new WireFormatException(what, "expected CRLF at the end of a line but was a bare LF");
        }
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\r') {
                throw new WireFormatException(what, "expected no CR inside a line but was a bare CR at offset " + i);
            }
        }
        if (end > maxLength) {
            tooLong = true;
            return null;
        }
        String line = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        length = 0;
        return line;
    }
}
