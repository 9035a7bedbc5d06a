package dev.switchboard.servlet.container;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * One heap and one direct read buffer kept per thread, for {@link Transport}s whose reads go
 * into a buffer the engine hands back once its bytes are delivered ({@link Transport#acquireReadBuffer},
 * {@link Transport#releaseReadBuffer}): a thread that serves many connections one event at a
 * time reuses one buffer instead of allocating one per event. A buffer is held by one caller
 * between {@link #acquire} and {@link #release}, and the slot is empty meanwhile, so a read loop
 * that runs inside another (one connection resuming another from its callback) gets a buffer of
 * its own. Shared by Switchboard's transports, and by the tunnel's reads from its backends, so that
 * on a loop thread one buffer serves every socket the loop reads; not for applications.
 *
 * <p>A direct buffer suits a thread that reads socket channels and writes what it read to
 * socket channels ({@link #acquireDirect}): the JDK then copies neither way, where it copies a
 * heap buffer through a direct one of its own on each read and each write. A heap buffer
 * suits anything that ends in a stream's {@code byte[]} (the Servlet transport).
 */
public final class ReadBuffers {

    private static final ThreadLocal<ByteBuffer> KEPT = new ThreadLocal<>();
    private static final ThreadLocal<ByteBuffer> KEPT_DIRECT = new ThreadLocal<>();

    private ReadBuffers() {
    }

    /** This thread's kept buffer, or a new one if there is none that large; cleared. */
    public static ByteBuffer acquire(int capacity) {
        return take(KEPT, capacity, ByteBuffer::allocate);
    }

    /** This thread's kept direct buffer, or a new one if there is none that large; cleared. */
    public static ByteBuffer acquireDirect(int capacity) {
        return take(KEPT_DIRECT, capacity, ByteBuffer::allocateDirect);
    }

    /** Empties {@code slot} and returns what it held, or a new buffer if that is missing or too small; cleared. */
    private static ByteBuffer take(ThreadLocal<ByteBuffer> slot, int capacity, IntFunction<ByteBuffer> allocate) {
        ByteBuffer buffer = slot.get();
        slot.set(null);
        if (buffer == null || buffer.capacity() < capacity) {
            buffer = allocate.apply(capacity);
        }
        return buffer.clear();
    }

    /** Keeps {@code buffer} for this thread's next {@link #acquire} or {@link #acquireDirect}, as its kind. */
    public static void release(ByteBuffer buffer) {
        (buffer.isDirect() ? KEPT_DIRECT : KEPT).set(buffer);
    }
}
