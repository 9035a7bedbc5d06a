package dev.switchboard.tls.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects the bytes of a line, or of a block of lines ended by an empty line, from input
 * that arrives in pieces. Lines end in LF, with or without a CR before it (RFC 9112 section
 * 2.2). Grows up to the limit the caller gives and no further. Not thread-safe.
 */
final class LineBuffer {

    private byte[] bytes;
    private int length;

    LineBuffer(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    /**
     * Appends from {@code data} up to and including the LF that ends a line.
     *
     * @return whether the line is complete; if not, either {@code data} is used up or
     *     {@code max} bytes are held
     */
    boolean appendLine(ByteBuffer data, int max) {
        while (data.hasRemaining() && length < max) {
            byte b = data.get();
            add(b, max);
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends from {@code data} up to and including the empty line that ends a block, or a
     * single empty line when the block starts with one.
     *
     * @return whether the block is complete; if not, either {@code data} is used up or
     *     {@code max} bytes are held
     */
    boolean appendUntilBlankLine(ByteBuffer data, int max) {
        while (data.hasRemaining() && length < max) {
            byte b = data.get();
            add(b, max);
            if (b == '\n' && endsWithBlankLine()) {
                return true;
            }
        }
        return false;
    }

    private boolean endsWithBlankLine() {
        // the LF just added ends an empty line if the previous line ended right before it
        int i = length - 2;
        if (i >= 0 && bytes[i] == '\r') {
            i--;
        }
        return i < 0 || bytes[i] == '\n';
    }

    /** Whether the buffer holds exactly one empty line. */
    boolean isBlankLine() {
        return (length == 1 && bytes[0] == '\n') || (length == 2 && bytes[0] == '\r' && bytes[1] == '\n');
    }

    private void add(byte b, int max) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(Math.max(16, bytes.length * 2), Math.max(max, 16)));
        }
        bytes[length++] = b;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void clear() {
        length = 0;
    }
}
