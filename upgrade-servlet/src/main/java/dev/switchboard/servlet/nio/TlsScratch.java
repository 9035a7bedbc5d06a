package dev.switchboard.servlet.nio;

import java.nio.ByteBuffer;

import javax.net.ssl.SSLException;

/**
 * The buffers a {@link TlsDriver} wraps and unwraps into: one per thread and per half, used
 * within one call, so that a connection holds none of them between calls.
 */
final class TlsScratch {

    /** The outbound half's buffer, for records. */
    static final int RECORDS = 0;
    /** The inbound half's buffer, for plaintext. */
    static final int PLAINTEXT = 1;
    /** The most room a record may ask for, far above the 16 KiB plus overhead of any TLS record. */
    static final int MAX_BUFFER = 1 << 20;

    private static final ThreadLocal<ByteBuffer[]> BUFFERS = ThreadLocal.withInitial(() -> new ByteBuffer[2]);

    private TlsScratch() {
    }

    /** The calling thread's buffer for {@code which} half, cleared, with room for {@code size} bytes. */
    static ByteBuffer take(int which, int size) {
        ByteBuffer[] buffers = BUFFERS.get();
        if (buffers[which] == null || buffers[which].capacity() < size) {
            buffers[which] = ByteBuffer.allocate(size);
        }
        buffers[which].clear();
        return buffers[which];
    }

    /**
     * The size after an overflow: twice {@code size}, or what the engine's session now says.
     *
     * @throws SSLException past {@link #MAX_BUFFER}
     */
    static int grow(int size, int engineSays) throws SSLException {
        int next = Math.max(size * 2, engineSays);
        if (next > MAX_BUFFER) {
            throw new SSLException("the engine asks for a buffer of more than " + MAX_BUFFER + " bytes");
        }
        return next;
    }
}
