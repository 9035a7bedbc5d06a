package dev.switchboard.proxy.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One absolute deadline for a blocking exchange (PRX-09). Socket calls have per-call timeouts
 * at best (a read's {@code SO_TIMEOUT}; a blocking write has none), so a peer that answers one
 * byte at a time, or never reads, holds the calling thread for ever. A deadline runs an action
 * when it passes, such as closing the connection, which makes whatever call the thread is
 * blocked in fail at once; {@link #passed()} then tells that failure from any other.
 *
 * <p>Thread-safe: started and stopped by the thread doing the exchange, passed on the scheduler.
 */
final class Deadline {

    private static final int RUNNING = 0;
    private static final int STOPPED = 1;
    private static final int PASSED = 2;

    private final Duration length;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> timer;

    private Deadline(Duration length, ScheduledExecutorService scheduler, Runnable onPass) {
        this.length = length;
        this.timer = scheduler.schedule(() -> {
            if (state.compareAndSet(RUNNING, PASSED)) {
                onPass.run();
            }
        }, length.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A deadline {@code length} from now that runs {@code onPass} on {@code scheduler} unless stopped first. */
    static Deadline start(Duration length, ScheduledExecutorService scheduler, Runnable onPass) {
        return new Deadline(length, scheduler, onPass);
    }

    /**
     * Stops the deadline.
     *
     * @return true if it was stopped in time (or already stopped), false if it had passed
     */
    boolean stop() {
        if (state.compareAndSet(RUNNING, STOPPED)) {
            timer.cancel(false);
            return true;
        }
        return state.get() == STOPPED;
    }

    /** Whether the deadline passed before it was stopped. */
    boolean passed() {
        return state.get() == PASSED;
    }

    /** The time it allowed, in milliseconds, for messages. */
    long millis() {
        return length.toMillis();
    }
}
