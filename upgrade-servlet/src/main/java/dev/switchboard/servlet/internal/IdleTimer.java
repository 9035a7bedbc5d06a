package dev.switchboard.servlet.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The idle and first-byte deadlines of one connection. Activity only writes a volatile
 * timestamp; one scheduled check per period re-arms itself for whatever time is left, so a
 * busy connection costs no scheduling at all. Thread-safe.
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
    private final long started = System.nanoTime();
    private volatile long lastActivity = started;
    private volatile boolean received;
    private volatile boolean cancelled;
    private ScheduledFuture<?> next; // guarded by this

    /**
     * @param idle close after this long without traffic; zero disables
     * @param firstByte close when nothing was received this long after the start; zero disables
     */
    public IdleTimer(ScheduledExecutorService scheduler, SerialExecutor serial, Duration idle, Duration firstByte,
            Expiry expiry) {
        this.scheduler = scheduler;
        this.serial = serial;
        this.idle = nanos(idle);
        this.firstByte = nanos(firstByte);
        this.expiry = expiry;
    }

    /** Arms the first check. */
    public void start() {
        arm();
    }

    /** Bytes went out. */
    public void sent() {
        lastActivity = System.nanoTime();
    }

    /** Bytes came in. */
    public void received() {
        received = true;
        lastActivity = System.nanoTime();
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
        long now = System.nanoTime();
        long delay = Long.MAX_VALUE;
        // limit - elapsed, never start + limit - now: a limit near Long.MAX_VALUE must not overflow.
        if (firstByte > 0 && !received) {
            delay = Math.min(delay, firstByte - (now - started));
        }
        if (idle > 0) {
            delay = Math.min(delay, idle - (now - lastActivity));
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
        long now = System.nanoTime();
        if (firstByte > 0 && !received && now - started >= firstByte) {
            expiry.expired(true);
        } else if (idle > 0 && now - lastActivity >= idle) {
            expiry.expired(false);
        }
        arm();
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
