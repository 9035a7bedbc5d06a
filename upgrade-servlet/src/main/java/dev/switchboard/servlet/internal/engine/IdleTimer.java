package dev.switchboard.servlet.internal.engine;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The idle and first-byte deadlines of one connection. Activity only writes a volatile
 * timestamp; one scheduled check per period re-arms itself for whatever time is left, so a
 * busy connection costs no scheduling at all.
 *
 * <p>An expiry that the handler does not act on (it keeps the connection open) counts as the
 * start of a new period: the next check comes a full period later, never at once, so that a
 * handler that ignores a timeout cannot make the shared timeout thread spin. Thread-safe.
 */
public final class IdleTimer {

    private static final Logger LOG = Logger.getLogger(IdleTimer.class.getName());

    /** Told which deadline passed; runs on the connection's serial executor. */
    @FunctionalInterface
    public interface Expiry {
        void expired(boolean firstByte);
    }

    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final long idle;
    private final long firstByte;
    private final Expiry expiry;
    private final LongSupplier clock;
    private final long started;
    private volatile long lastActivity;
    /** When a deadline last passed; counts like activity for both deadlines. */
    private volatile long lastExpiry;
    private volatile boolean received;
    private volatile boolean cancelled;
    private ScheduledFuture<?> next; // guarded by this

    /**
     * @param idle close after this long without traffic; zero disables
     * @param firstByte close when nothing was received this long after the start; zero disables
     */
    public IdleTimer(ScheduledExecutorService scheduler, SerialExecutor serial, Duration idle, Duration firstByte,
            Expiry expiry) {
        this(scheduler, serial, idle, firstByte, expiry, System::nanoTime);
    }

    /** As above, reading time from {@code clock} (nanoseconds, as {@link System#nanoTime()}). */
    public IdleTimer(ScheduledExecutorService scheduler, SerialExecutor serial, Duration idle, Duration firstByte,
            Expiry expiry, LongSupplier clock) {
        this.scheduler = scheduler;
        this.serial = serial;
        this.idle = nanos(idle);
        this.firstByte = nanos(firstByte);
        this.expiry = expiry;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastActivity = started;
        this.lastExpiry = started;
    }

    /** Arms the first check. */
    public void start() {
        arm();
    }

    /** Bytes went out. */
    public void sent() {
        lastActivity = clock.getAsLong();
    }

    /** Bytes came in. */
    public void received() {
        received = true;
        lastActivity = clock.getAsLong();
    }

    public synchronized void cancel() {
        cancelled = true;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private synchronized void arm() {
        if (cancelled || scheduler == null || (idle == 0 && firstByte == 0)) {
            return;
        }
        long now = clock.getAsLong();
        long delay = Long.MAX_VALUE;
        // limit - elapsed, never start + limit - now: a limit near Long.MAX_VALUE must not overflow.
        if (firstByte > 0 && !received) {
            delay = Math.min(delay, firstByte - (now - since(started)));
        }
        if (idle > 0) {
            delay = Math.min(delay, idle - (now - since(lastActivity)));
        }
        try {
            next = scheduler.schedule(() -> serial.execute(this::check), Math.max(delay, 0), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Timeouts not armed: the filter has stopped", e);
        }
    }

    private void check() {
        if (cancelled) {
            return;
        }
        long now = clock.getAsLong();
        if (firstByte > 0 && !received && now - since(started) >= firstByte) {
            lastExpiry = now;
            expiry.expired(true);
        } else if (idle > 0 && now - since(lastActivity) >= idle) {
            lastExpiry = now;
            expiry.expired(false);
        }
        arm();
    }

    /** The later of {@code t} and the last expiry, compared as nanoTime values (which may wrap). */
    private long since(long t) {
        long e = lastExpiry;
        return e - t > 0 ? e : t;
    }

    /** {@code d} in nanoseconds; a duration too long to count that way (292 years or more) is forever. */
    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
