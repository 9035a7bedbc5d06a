package dev.switchboard.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The bytes read from an endpoint and not yet taken, in a buffer borrowed from Jetty's pool
 * only while it holds some: an idle connection holds none. Not thread-safe; its owner's lock
 * guards it.
 */
final class ReadBuffer {

    private final ByteBufferPool pool;
    private final boolean direct;
    private RetainableByteBuffer buffer;

    ReadBuffer(ByteBufferPool pool, boolean direct) {
        this.pool = pool;
        this.direct = direct;
    }

    /** Copies {@code bytes} in; only when empty (bytes read before the endpoint was handed over). */
    void offer(ByteBuffer bytes) {
        if (hasContent()) {
            throw new IllegalStateException("the buffer still holds bytes");
        }
        release();
        RetainableByteBuffer.Mutable copy = pool.acquire(bytes.remaining(), direct);
        BufferUtil.append(copy.getByteBuffer(), bytes);
        buffer = copy;
    }

    boolean hasContent() {
        return buffer != null && buffer.hasRemaining();
    }

    int remaining() {
        return buffer == null ? 0 : buffer.remaining();
    }

    /**
     * Reads what {@code endPoint} has now into the (empty) buffer, up to {@code size} bytes.
     *
     * @return the number of bytes read, 0 if none are there yet, -1 at end of stream
     */
    int fill(EndPoint endPoint, int size) throws IOException {
        if (buffer == null) {
            buffer = pool.acquire(size, direct);
        }
        try {
            int filled = endPoint.fill(buffer.getByteBuffer());
            if (filled <= 0) {
                release();
            }
            return filled;
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Moves up to {@code len} bytes to {@code b}; there must be content. */
    int take(byte[] b, int off, int len) {
        ByteBuffer bytes = buffer.getByteBuffer();
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        if (!bytes.hasRemaining()) {
            release();
        }
        return n;
    }

    /** Returns the buffer to the pool, dropping what it holds. */
    void release() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
