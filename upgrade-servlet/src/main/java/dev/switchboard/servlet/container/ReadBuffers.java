package dev.switchboard.servlet.container;

import java.nio.ByteBuffer;

import dev.switchboard.servlet.nio.Reactor;

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

    /**
     * For a reader on {@code loop}'s thread the loop's direct buffer
     * ({@link Reactor#acquireReadBuffer}), else (a null {@code loop}) this thread's heap one;
     * hand it back with {@link #release(Reactor, ByteBuffer)}.
     */
    public static ByteBuffer acquire(Reactor loop, int capacity) {
        return loop != null ? loop.acquireReadBuffer(capacity) : acquire(capacity);
    }

    /**
     * Hands back a buffer from {@link #acquire(Reactor, int)}:
     * a direct one to {@code loop}, a heap one to the thread.
     */
    public static void release(Reactor loop, ByteBuffer buffer) {
        if (loop != null && buffer.isDirect()) {
            loop.releaseReadBuffer(buffer);
        } else {
            release(buffer);
        }
    }

    /** Keeps {@code buffer} for this thread's next {@link #acquire}; a direct one is not kept. */
    public static void release(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            KEPT.set(buffer);
        }
    }
}
