package dev.switchboard.servlet.container;

import java.nio.ByteBuffer;

/**
 * One read buffer kept per thread, for {@link Transport}s whose reads go into a buffer the
 * engine hands back once its bytes are delivered ({@link Transport#acquireReadBuffer},
 * {@link Transport#releaseReadBuffer}): a thread that serves many connections one event at a
 * time reuses one buffer instead of allocating one per event. A buffer is held by one caller
 * between {@link #acquire} and {@link #release}, and the slot is empty meanwhile, so a read loop
 * that runs inside another (one connection resuming another from its callback) gets a buffer of
 * its own. Heap buffers, for reads that end in a stream's {@code byte[]} or come from threads
 * of the container; a Switchboard loop lends its own direct one
 * ({@link dev.switchboard.servlet.nio.Reactor#acquireReadBuffer}). Not for applications.
 */
public final class ReadBuffers {

    private static final ThreadLocal<ByteBuffer> KEPT = new ThreadLocal<>();

    private ReadBuffers() {
    }

    /** This thread's kept buffer, or a new one if there is none that large; cleared. */
    public static ByteBuffer acquire(int capacity) {
        ByteBuffer buffer = KEPT.get();
        KEPT.set(null);
        if (buffer == null || buffer.capacity() < capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }
        return buffer.clear();
    }

    /** Keeps {@code buffer} for this thread's next {@link #acquire}; a direct one is not kept. */
    public static void release(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            KEPT.set(buffer);
        }
    }
}
