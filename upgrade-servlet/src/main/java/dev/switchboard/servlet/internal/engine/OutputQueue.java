package dev.switchboard.servlet.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import dev.switchboard.servlet.WriteTarget;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.nio.BoundedQueue;

/**
 * The output side of an upgraded connection, on a {@link BoundedQueue} and its one
 * back-pressure rule: writes go straight to the {@link Transport} while it takes them and
 * wait in the queue otherwise; once more than the limit is queued, writes report
 * {@link Accepted#BACKLOGGED}, until a drain brings the queue down to half the limit, which
 * reports the backlog over once and hands out the wake-ups registered meanwhile. Around the
 * queue it adds the connection's ends: the half-close and the close once everything is out.
 *
 * <p>Its lock is a leaf: held only around the transport and the queue, never while
 * application code runs, so writes from any thread cannot deadlock with anything. The
 * transport is flushed whenever everything handed to it went out (containers may hold
 * written bytes until a flush: Tomcat does). Thread-safe.
 */
final class OutputQueue implements WriteTarget {

    /** What became of a write. */
    enum Accepted {
        /** Written or queued; the queue is within its limit. */
        OK,
        /** Queued, and the queue is over its limit: wait for the drain to report it unblocked. */
        BACKLOGGED,
        /** Discarded: the output is closing, shut or closed. */
        CLOSED
    }

    /**
     * What a drain achieved.
     *
     * @param unblocked the queue fell to half its limit after having been over it
     * @param closable everything is written and flushed, and a close was requested
     * @param waiters the {@link #whenWritable} wake-ups now due: run them, outside any lock
     */
    record Drained(boolean unblocked, boolean closable, List<Runnable> waiters) {
        static final Drained NOTHING = new Drained(false, false, List.of());
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final BoundedQueue pending;
    private final IntConsumer sent;
    private final BoundedQueue.Sink sink = this::writeOut;
    private Transport transport;
    private boolean closing;
    private boolean shutdownRequested;
    private boolean outputShut;
    private boolean discarded;

    /**
     * @param limit bytes queued before writes report {@link Accepted#BACKLOGGED}
     * @param sent told of every byte count the transport took
     */
    OutputQueue(long limit, IntConsumer sent) {
        this.pending = new BoundedQueue(limit);
        this.sent = sent;
    }

    /** Connects the transport, already started; until then writes are queued. Drain next. */
    void start(Transport started) {
        lock.lock();
        try {
            this.transport = started;
        } finally {
            lock.unlock();
        }
    }

    /** Writes or queues what {@code data} holds (copied if queued), consuming it. */
    Accepted write(ByteBuffer data) throws IOException {
        lock.lock();
        try {
            if (closing || shutdownRequested || discarded) {
                data.position(data.limit());
                return Accepted.CLOSED;
            }
            if (pending.offer(data, transport == null ? null : sink)) {
                transport.flush();
            }
            return pending.isBacklogged() ? Accepted.BACKLOGGED : Accepted.OK;
        } finally {
            lock.unlock();
        }
    }

    /** Writes what the transport takes now; call when it reports that it can take more. */
    Drained drain() throws IOException {
        lock.lock();
        try {
            if (transport == null || discarded) {
                return Drained.NOTHING; // not started (start() is followed by a drain), or closed
            }
            boolean emptied = pending.drainTo(sink);
            List<Runnable> resumed = pending.resumeAtHalf();
            boolean unblocked = resumed != null;
            List<Runnable> due = unblocked ? resumed : List.of();
            if (!emptied) {
                return new Drained(unblocked, false, due);
            }
            boolean flushed = outputShut || transport.flush();
            if (flushed && shutdownRequested && !outputShut && !closing) {
                outputShut = true;
                transport.shutdownOutput();
            }
            return new Drained(unblocked, flushed && closing, due);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses further writes and reports whether everything already queued is written and
     * flushed, so that the connection can close now; if not, a later {@link #drain()} says so.
     */
    boolean closeWhenFlushed() throws IOException {
        lock.lock();
        try {
            closing = true;
            return pending.isEmpty() && (transport == null || outputShut || transport.flush());
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further writes and ends the output once everything queued is written. */
    void shutdownWhenFlushed() throws IOException {
        lock.lock();
        try {
            if (closing || shutdownRequested || discarded) {
                return;
            }
            shutdownRequested = true;
            if (pending.isEmpty() && transport != null && transport.flush()) {
                outputShut = true;
                transport.shutdownOutput();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops whatever is queued; later writes are discarded.
     *
     * @return the {@link #whenWritable} wake-ups that were waiting: run them, outside any lock
     */
    List<Runnable> discard() {
        lock.lock();
        try {
            discarded = true;
            return pending.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers {@code waiter} to be handed out, once, by the drain that brings the queue back
     * to half its limit, or by {@link #discard()}; unless the queue is not over its limit now
     * (or is discarded), in which case nothing is registered. One step under the queue's lock.
     */
    @Override
    public boolean whenWritable(Runnable waiter) {
        lock.lock();
        try {
            return !discarded && pending.whenWritable(waiter);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue is over its limit; read without locking, for the read loop. */
    boolean isBacklogged() {
        return pending.isBacklogged();
    }

    /** Bytes queued and not yet taken by the transport. */
    long pendingBytes() {
        lock.lock();
        try {
            return pending.queuedBytes();
        } finally {
            lock.unlock();
        }
    }

    /** Hands what the transport takes of {@code data} to it; whether it took all. Lock held. */
    private boolean writeOut(ByteBuffer data) throws IOException {
        int before = data.remaining();
        boolean all = transport.write(data);
        int n = before - data.remaining();
        if (n > 0) {
            sent.accept(n);
        }
        return all;
    }
}
