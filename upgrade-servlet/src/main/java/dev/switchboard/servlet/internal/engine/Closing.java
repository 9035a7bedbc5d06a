package dev.switchboard.servlet.internal.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import dev.switchboard.servlet.container.Transport;

/**
 * How one upgraded connection ends, from any thread and in any order: an orderly close once
 * output is written, an abort that discards it, a failure, or the container's release of the
 * connection. Whichever comes first closes the transport (once, even when the transport
 * arrives after the close), lets connections waiting for this one's output go on, and has
 * the session told, exactly once. Also keeps the connection's place in the active count:
 * taken at the start unless already closed, given back at the end with how long the
 * connection lived. Thread-safe.
 */
final class Closing {

    private static final Logger LOG = Logger.getLogger(Closing.class.getName());

    /** What a close does besides closing the transport: drop output, stop timers. */
    interface Release {
        void release();
    }

    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean counted = new AtomicBoolean();
    private final Release release;
    private final Consumer<Throwable> finish;
    private final Runnable opened;
    private final Consumer<Duration> ended;
    private final LongSupplier clock;
    /** When the connection was counted as active; published by {@link #counted}. */
    private long openedAt;
    private volatile boolean requested;
    private volatile Throwable cause;
    private volatile Transport transport;

    /**
     * @param release runs once, at the close, before the transport closes
     * @param finish runs once with the cause (null for an orderly close), after the close
     * @param opened counts the connection as active
     * @param ended counts it as no longer active, told how long it was
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    Closing(Release release, Consumer<Throwable> finish, Runnable opened, Consumer<Duration> ended,
            LongSupplier clock) {
        this.release = release;
        this.finish = finish;
        this.opened = opened;
        this.ended = ended;
        this.clock = clock;
    }

    /**
     * The transport has arrived; closes it at once if the connection closed before.
     *
     * @return whether the connection is still open
     */
    boolean attach(Transport t) {
        transport = t;
        openedAt = clock.getAsLong(); // before the flag that publishes it
        if (!closed.get() && counted.compareAndSet(false, true)) {
            opened.run();
        }
        // Checked after publishing the transport: a close from now on closes it itself.
        if (closed.get()) {
            t.close();
            uncount();
            return false;
        }
        return true;
    }

    /** Marks an orderly close as asked for; whether it was the first request. */
    boolean request() {
        if (requested || closed.get()) {
            return false;
        }
        requested = true;
        return true;
    }

    /** Closes now, discarding queued output; {@code cause} null for an orderly close. */
    void now(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        this.cause = cause;
        release.release();
        if (cause != null) {
            LOG.log(cause instanceof IOException || cause instanceof TimeoutException ? Level.FINE : Level.WARNING,
                    "Closing upgraded connection: " + cause, cause);
        }
        Transport t = transport;
        if (t != null) {
            t.close();
        }
        finish(cause);
    }

    /** The container released the connection: it is closed, whatever was asked before. */
    void released() {
        if (closed.compareAndSet(false, true)) {
            release.release();
        }
        finish(cause);
    }

    /** Whether the connection has closed or an orderly close was asked for. */
    boolean isClosing() {
        return requested || closed.get();
    }

    /** Whether the connection has closed. */
    boolean isClosed() {
        return closed.get();
    }

    private void finish(Throwable why) {
        if (finished.compareAndSet(false, true)) {
            uncount();
            finish.accept(why);
        }
    }

    private void uncount() {
        if (counted.compareAndSet(true, false)) {
            ended.accept(Duration.ofNanos(clock.getAsLong() - openedAt));
        }
    }
}
