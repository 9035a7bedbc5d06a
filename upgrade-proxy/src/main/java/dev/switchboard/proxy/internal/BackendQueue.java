package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.WriteTarget;
import dev.switchboard.servlet.nio.BoundedQueue;

/**
 * The client's bytes on their way to one tunnel's backend, on a {@link BoundedQueue} and its
 * back-pressure rule: written at once while the backend takes them and queued otherwise;
 * once more than the limit is queued, {@link #offer} says so and the client side stops
 * reading (this is the {@link WriteTarget} it waits for) until a {@link #drain()} brings the
 * queue down to half. The client's half-close is passed on once its bytes are written.
 *
 * <p>Its lock guards the queue, every write to the backend and the end of both: nothing is
 * written after {@link #close()} began, and no code outside runs with it held. Thread-safe.
 */
final class BackendQueue implements WriteTarget {

    /** What became of bytes offered. */
    enum Offered {
        /** Written, or discarded because the backend's side is over; the queue is within its limit. */
        TAKEN,
        /** Partly queued: drain when the backend can take more. Within the limit. */
        QUEUED,
        /** Queued, and the queue is over its limit: the client side should stop reading. */
        BACKLOGGED
    }

    /**
     * What a drain achieved.
     *
     * @param wakeUps the {@link #whenWritable} wake-ups now due: run them, outside any lock
     * @param closable everything is written after the client has gone: close the backend
     */
    record Drained(List<Runnable> wakeUps, boolean closable) {
        static final Drained NOTHING = new Drained(List.of(), false);
    }

    private final Object lock = new Object();
    private final Transport transport;
    private final TunnelStatistics statistics;
    private final BoundedQueue queue;
    private final BoundedQueue.Sink sink;
    private boolean started;
    private boolean clientEnded;
    private boolean outputShut;
    private boolean closeWhenFlushed;
    private boolean closed;

    BackendQueue(Transport transport, TunnelStatistics statistics, int maxQueued) {
        this.transport = transport;
        this.statistics = statistics;
        this.queue = new BoundedQueue(maxQueued);
        this.sink = data -> {
            transport.write(data);
            return !data.hasRemaining();
        };
    }

    /** The backend is registered with the loop: writes may go to it directly from now on. */
    void start() {
        synchronized (lock) {
            started = true;
        }
    }

    /**
     * Writes what {@code data} holds, or queues a copy of what the backend does not take now.
     *
     * @throws IOException if the backend failed; nothing was queued then
     */
    Offered offer(ByteBuffer data) throws IOException {
        int n = data.remaining();
        synchronized (lock) {
            if (closed || outputShut) {
                return Offered.TAKEN; // the backend is gone: discard
            }
            statistics.toBackend(n);
            if (queue.offer(data, started ? sink : null) || n == 0) {
                return Offered.TAKEN;
            }
            return queue.isBacklogged() ? Offered.BACKLOGGED : Offered.QUEUED;
        }
    }

    /** Writes what the backend takes now; on the loop thread. */
    Drained drain() throws IOException {
        synchronized (lock) {
            if (closed) {
                return Drained.NOTHING;
            }
            if (!started) {
                return closeWhenFlushed ? new Drained(List.of(), true) : Drained.NOTHING; // gone before the start
            }
            boolean drained = queue.drainTo(sink) && transport.flush();
            List<Runnable> resumed = queue.resumeAtHalf();
            List<Runnable> due = resumed == null ? List.of() : resumed;
            if (drained && clientEnded && !outputShut && !closeWhenFlushed) {
                outputShut = true;
                transport.shutdownOutput();
                drained = transport.flush();
            }
            return new Drained(due, drained && closeWhenFlushed);
        }
    }

    /** Whether bytes wait for the backend to take them. */
    boolean wantsWrite() {
        synchronized (lock) {
            return !queue.isEmpty() || transport.wantsFlush();
        }
    }

    /** The client half-closed: shut the backend's output once everything queued is written. */
    void clientEnded() {
        synchronized (lock) {
            clientEnded = true;
        }
    }

    /**
     * The client has gone: the backend is to be closed once everything queued is written.
     *
     * @return false if the queue was closed already
     */
    boolean closeWhenFlushed() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closeWhenFlushed = true;
            return true;
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Drops what is queued; later offers are discarded.
     *
     * @return the wake-ups that were waiting (run them, outside any lock), or null if the
     *     queue was closed already
     */
    List<Runnable> close() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            closed = true;
            return queue.clear();
        }
    }

    /**
     * Registers {@code wakeUp} for the drain that brings the queue back to half its limit, or
     * for the close, unless the queue is within its limit now.
     */
    @Override
    public boolean whenWritable(Runnable wakeUp) {
        synchronized (lock) {
            return !closed && queue.whenWritable(wakeUp);
        }
    }
}
