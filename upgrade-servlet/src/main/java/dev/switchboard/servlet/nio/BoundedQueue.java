package dev.switchboard.servlet.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes on their way to a sink that does not take them all at once, with Switchboard's one
 * back-pressure rule: bytes go straight to the sink while nothing waits ahead of them and are
 * copied into the queue otherwise; once more than the limit is queued the queue is
 * <em>backlogged</em>, and stays so until a drain brings it down to half the limit, which
 * resumes the writer once ({@link #resumeAtHalf()}) and hands out the wake-ups registered
 * meanwhile ({@link #whenWritable}). Bytes leave in the order they came.
 *
 * <p>Not thread-safe: every method but {@link #isBacklogged()} runs under its owner's lock, or
 * on its owner's one thread. The owner adds what its direction needs around it (a half-close,
 * a close once everything is written, statistics), and runs the wake-ups outside its lock.
 */
public final class BoundedQueue {

    /** Where queued bytes go. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Writes what the sink takes now of {@code data}, advancing its position.
         *
         * @return whether the sink took all of it and may take more
         */
        boolean write(ByteBuffer data) throws IOException;
    }

    private final long limit;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(4);
    private List<Runnable> waiters = new ArrayList<>(2);
    private long queued;
    private volatile boolean backlogged;

    /** @param limit bytes queued past which the queue is backlogged */
    public BoundedQueue(long limit) {
        this.limit = limit;
    }

    /**
     * Hands {@code data} to {@code sink} if nothing is queued ahead of it, then queues a copy of
     * what is left of it (all of it without a sink); consumes {@code data}.
     *
     * @param sink where bytes may go now, or null while none may
     * @return whether the sink took all of {@code data}; false if any of it was queued, or if
     *     it was empty and not handed to the sink
     */
    public boolean offer(ByteBuffer data, Sink sink) throws IOException {
        if (queue.isEmpty() && sink != null && sink.write(data)) {
            return true;
        }
        if (data.hasRemaining()) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            queue.add(copy);
            queued += copy.remaining();
            if (queued > limit) {
                backlogged = true;
            }
        }
        return false;
    }

    /**
     * Writes queued bytes to {@code sink}, oldest first, until it takes no more. Follow it
     * with {@link #resumeAtHalf()}.
     *
     * @return whether the queue is empty and the sink took everything
     */
    public boolean drainTo(Sink sink) throws IOException {
        while (!queue.isEmpty()) {
            ByteBuffer head = queue.peek();
            int before = head.remaining();
            boolean all = sink.write(head);
            queued -= before - head.remaining();
            if (head.hasRemaining()) {
                return false;
            }
            queue.poll();
            if (!all) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rule's second half: once a backlogged queue is down to half its limit, it is
     * backlogged no more.
     *
     * @return null unless this call ended a backlog; then the wake-ups registered meanwhile
     *     (possibly none), to run outside any lock
     */
    public List<Runnable> resumeAtHalf() {
        if (backlogged && queued <= limit / 2) {
            backlogged = false;
            return takeWaiters();
        }
        return null;
    }

    /**
     * Registers {@code wakeUp} for the drain that ends the backlog, or for {@link #clear()};
     * registers nothing unless the queue is backlogged now.
     *
     * @return whether it was registered
     */
    public boolean whenWritable(Runnable wakeUp) {
        if (!backlogged) {
            return false;
        }
        waiters.add(wakeUp);
        return true;
    }

    /**
     * Drops everything queued; the queue is backlogged no more.
     *
     * @return the wake-ups that were waiting (possibly none), to run outside any lock
     */
    public List<Runnable> clear() {
        queue.clear();
        queued = 0;
        backlogged = false;
        return takeWaiters();
    }

    /** Whether more than the limit is queued, or was and a drain has not brought it down to half yet. Any thread. */
    public boolean isBacklogged() {
        return backlogged;
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Bytes queued and not yet taken by the sink. */
    public long queuedBytes() {
        return queued;
    }

    private List<Runnable> takeWaiters() {
        if (waiters.isEmpty()) {
            return List.of();
        }
        List<Runnable> due = waiters;
        waiters = new ArrayList<>(2);
        return due;
    }
}
