package dev.switchboard.servlet;

import static dev.switchboard.servlet.SessionHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SessionHarness.Recorder;
import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.internal.FakeConnection;

/**
 * A container whose upgraded input may only be read inside its own read callback (Tomcat's):
 * the engine never reads on another thread, and asks the container for a callback when it
 * wants to read again.
 */
class ConfinedReadsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    /** The container's thread, on which a dispatched read runs (as Tomcat's {@code processSocket(OPEN_READ, true)}). */
    private final ExecutorService container = Executors.newSingleThreadExecutor();
    private final FakeConnection connection = new FakeConnection(1 << 20);
    private final AtomicInteger dispatches = new AtomicInteger();
    private final SessionHarness harness = new SessionHarness(scheduler, System::nanoTime, SessionHarness.SMALL,
            new ConnectionControl() {
                @Override
                public boolean confinedReads() {
                    return true;
                }

                @Override
                public void dispatchRead() {
                    container.execute(() -> connection.getInputStream().dispatch());
                    dispatches.incrementAndGet(); // after: a count seen is a dispatch already queued
                }

                @Override
                public void close() {
                }
            });

    @AfterEach
    void stopThreads() {
        scheduler.shutdownNow();
        container.shutdownNow();
    }

    /** Waits until the container's thread has run what was dispatched to it so far. */
    private void containerDone() throws InterruptedException, ExecutionException, TimeoutException {
        container.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the container's thread has run every dispatch, including those its own callbacks asked for. */
    private void containerSettled() throws InterruptedException, ExecutionException, TimeoutException {
        int seen;
        do {
            seen = dispatches.get();
            containerDone();
        } while (dispatches.get() != seen);
    }

    @Test
    void releasedInputIsReadInACallbackTheContainerIsAskedFor() throws Exception {
        Recorder r = harness.start(Recorder::new, connection);
        UpgradedConnection.InputHold hold = r.connection.suspendInput();
        connection.getInputStream().feed(text("later"));
        assertThat(r.input).isEmpty();
        hold.release();
        containerDone();
        assertThat(dispatches).hasValue(1);
        assertThat(r.input).hasToString("later");
    }

    @Test
    void aReadCallbackThatComesWhileTheConnectionIsBusyIsAskedForAgainAfterwards() throws Exception {
        Recorder r = harness.start(Recorder::new, connection);
        r.connection.runSerially(() -> {
            connection.getInputStream().feed(text("meanwhile")); // the callback finds the connection busy
            assertThat(r.input).as("read while the connection was busy").isEmpty();
        });
        containerSettled();
        // A dispatched callback that lands while the connection still ends its turn asks once more.
        assertThat(dispatches.get()).isPositive();
        assertThat(r.input).hasToString("meanwhile");
    }
}
