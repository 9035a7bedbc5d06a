package dev.switchboard.servlet.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A scheduler whose time moves only when a test says so: {@link #advance(Duration)} runs, on
 * the calling thread, every task that has come due. It is also the clock
 * ({@link #nanoTime()}) of the code under test, and it records every delay asked of it.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** Tasks one {@link #advance} may run before it calls the code under test a spinner. */
    public static final int MAX_RUNS = 1000;

    private final List<Scheduled> queue = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private long now = 1_000_000_000L;
    private boolean shutdown;

    /** The time of this scheduler, in nanoseconds. */
    public synchronized long nanoTime() {
        return now;
    }

    public LongSupplier clock() {
        return this::nanoTime;
    }

    /** Every delay asked of {@link #schedule}, in nanoseconds, in order. */
    public synchronized List<Long> delays() {
        return List.copyOf(delays);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pending() {
        return (int) queue.stream().filter(s -> !s.cancelled).count();
    }

    /**
     * Moves time on by {@code d}, running each task as its time comes.
     *
     * @throws AssertionError if more than {@value #MAX_RUNS} tasks come due: something spins
     */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        for (int runs = 0;; runs++) {
            if (runs == MAX_RUNS) {
                throw new AssertionError(MAX_RUNS + " tasks ran without time moving on: the code under test spins");
            }
            Scheduled next;
            synchronized (this) {
                queue.removeIf(s -> s.cancelled);
                next = queue.stream().filter(s -> s.at <= target).min(Comparator.comparingLong(s -> s.at)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                queue.remove(next);
                now = Math.max(now, next.at);
            }
            next.run();
        }
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        delays.add(nanos);
        long at = nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + Math.max(0, nanos); // saturating
        Scheduled s = new Scheduled(command, at);
        queue.add(s);
        return s;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Scheduled implements ScheduledFuture<Object> {
        private final Runnable task;
        private final long at;
        private volatile boolean cancelled;
        private volatile boolean done;

        Scheduled(Runnable task, long at) {
            this.task = task;
            this.at = at;
        }

        void run() {
            if (!cancelled) {
                done = true;
                task.run();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
