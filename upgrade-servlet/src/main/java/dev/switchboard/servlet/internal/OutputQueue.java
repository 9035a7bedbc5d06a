package dev.switchboard.servlet.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import jakarta.servlet.ServletOutputStream;

/**
 * The output side of an upgraded connection: writes go straight to the container's stream
 * while it is ready, and wait in a bounded queue while it is not. Its lock is a leaf: held
 * only around the container's stream and the queue, never while running application code,
 * so writes from any thread cannot deadlock with anything.
 *
 * <p>Containers may hold written bytes until a flush (Tomcat does) and reject a flush while
 * the stream is not ready; this class flushes whenever the stream is ready. Thread-safe.
 */
public final class OutputQueue {

    /** Largest single write handed to the container, so that its own buffering stays bounded. */
    static final int MAX_WRITE = 64 * 1024;

    /** What became of a write. */
    public enum Accepted {
        /** Written or queued; the queue is within its limit. */
        OK,
        /** Queued, and the queue is over its limit: wait for the drain to report it unblocked. */
        BACKLOGGED,
        /** Discarded: the connection is closing or closed. */
        CLOSED
    }

    /**
     * What a drain achieved.
     *
     * @param unblocked the queue fell to half its limit after having been over it
     * @param flushed everything is written and flushed, and a close was requested
     * @param waiters the {@link #whenWritable} callbacks now due: run them, outside any lock
     */
    public record Drained(boolean unblocked, boolean flushed, List<Runnable> waiters) {
        Drained(boolean unblocked, boolean flushed) {
            this(unblocked, flushed, List.of());
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>(4);
    private List<Runnable> waiters = new ArrayList<>(2);
    private final IntConsumer sent;
    private long limit;
    private ServletOutputStream out;
    private long pendingBytes;
    private volatile boolean backlogged;
    private boolean closing;
    private boolean discarded;

    /**
     * @param limit bytes queued before writes report {@link Accepted#BACKLOGGED}, until
     *     {@link #start} sets the final one
     * @param sent told of every byte count handed to the container
     */
    public OutputQueue(long limit, IntConsumer sent) {
        this.limit = limit;
        this.sent = sent;
    }

    /**
     * Connects the container's stream, whose write listener must already be set, with the
     * queue limit in force from now on; until then writes are queued.
     */
    public void start(ServletOutputStream stream, long queueLimit) {
        lock.lock();
        try {
            this.out = stream;
            this.limit = queueLimit;
        } finally {
            lock.unlock();
        }
    }

    /** Writes or queues {@code len} bytes of {@code b} (copied if queued). */
    public Accepted write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            if (closing || discarded) {
                return Accepted.CLOSED;
            }
            if (pending.isEmpty() && out != null) {
                while (len > 0 && out.isReady()) {
                    int n = Math.min(len, MAX_WRITE);
                    out.write(b, off, n);
                    sent.accept(n);
                    off += n;
                    len -= n;
                }
                flushIfReady();
            }
            if (len > 0) {
                byte[] chunk = new byte[len];
                System.arraycopy(b, off, chunk, 0, len);
                pending.add(chunk);
                pendingBytes += len;
                if (pendingBytes > limit) {
                    backlogged = true;
                }
            }
            return backlogged ? Accepted.BACKLOGGED : Accepted.OK;
        } finally {
            lock.unlock();
        }
    }

    /** Writes what the container takes now; call when it reports the stream writable. */
    public Drained drain() throws IOException {
        lock.lock();
        try {
            if (out == null) {
                return new Drained(false, false); // not started: start() drains
            }
            boolean unblocked = false;
            while (!pending.isEmpty() && !discarded) {
                if (!out.isReady()) {
                    return new Drained(unblocked, false, unblocked ? takeWaiters() : List.of()); // called back when writable
                }
                byte[] chunk = pending.poll();
                out.write(chunk);
                sent.accept(chunk.length);
                pendingBytes -= chunk.length;
                if (backlogged && pendingBytes <= limit / 2) {
                    backlogged = false;
                    unblocked = true;
                }
            }
            return new Drained(unblocked, !discarded && flushIfReady() && closing,
                    unblocked ? takeWaiters() : List.of());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses further writes and reports whether everything already queued is written and
     * flushed, so that the connection can close now; if not, a later {@link #drain()} says so.
     */
    public boolean closeWhenFlushed() throws IOException {
        lock.lock();
        try {
            closing = true;
            return pending.isEmpty() && (out == null || flushIfReady());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops whatever is queued; later writes are discarded.
     *
     * @return the {@link #whenWritable} callbacks that were waiting: run them, outside any lock
     */
    public List<Runnable> discard() {
        lock.lock();
        try {
            discarded = true;
            pending.clear();
            pendingBytes = 0;
            backlogged = false;
            return takeWaiters();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers {@code waiter} to be handed out, once, by the drain that brings the queue back
     * to half its limit, or by {@link #discard()}; unless the queue is not over its limit now
     * (or is discarded), in which case nothing is registered. Checking and registering are one
     * step under the queue's lock, so a drain cannot slip in between: no wake-up is lost.
     *
     * @return whether {@code waiter} was registered; false means the queue can take more now
     */
    public boolean whenWritable(Runnable waiter) {
        lock.lock();
        try {
            if (!backlogged || discarded) {
                return false;
            }
            waiters.add(waiter);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue is over its limit; read without locking, for the read loop. */
    public boolean isBacklogged() {
        return backlogged;
    }

    /** Bytes queued and not yet handed to the container. */
    public long pendingBytes() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    private List<Runnable> takeWaiters() {
        if (waiters.isEmpty()) {
            return List.of();
        }
        List<Runnable> due = waiters;
        waiters = new ArrayList<>(2);
        return due;
    }

    private boolean flushIfReady() throws IOException {
        if (out == null || !out.isReady()) {
            return false;
        }
        out.flush();
        return true;
    }
}
