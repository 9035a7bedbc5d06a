package dev.switchboard.servlet;

import static dev.switchboard.servlet.SessionHarness.assertSameBytes;
import static dev.switchboard.servlet.SessionHarness.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SessionHarness.Echo;
import dev.switchboard.servlet.SessionHarness.Recorder;
import dev.switchboard.servlet.internal.FakeConnection;

/**
 * One connection's own back-pressure, with 256-byte reads and a 1 KiB queue: a peer that does
 * not read stops the input at the bound, and it flows again at half; and input held by the
 * session itself.
 */
class SessionBackPressureTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SessionHarness harness = new SessionHarness(scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void anEchoStopsReadingAtTheBound() {
        FakeConnection c = new FakeConnection(0); // the peer reads nothing
        harness.start(Echo::new, c);
        c.getInputStream().feed(pattern(4096, 1));
        // 256-byte reads echoed into a 1 KiB queue: the fifth takes it over the limit.
        assertThat(c.getInputStream().bytesRead()).isEqualTo(5 * 256);
    }

    @Test
    void anEchoReadsAgainOnlyWhenItsQueueIsDownToHalf() {
        FakeConnection c = new FakeConnection(0);
        harness.start(Echo::new, c);
        c.getInputStream().feed(pattern(4096, 1));
        c.getOutputStream().capacity(300); // takes two 256-byte chunks: 768 queued, still over half
        assertThat(c.getInputStream().bytesRead()).isEqualTo(5 * 256);
        c.getOutputStream().take(512); // two more: 256 queued
        assertThat(c.getInputStream().bytesRead()).isGreaterThan(5 * 256);
    }

    @Test
    void anEchoDeliversEverythingInOrderWhenThePeerReadsAtLast() {
        FakeConnection c = new FakeConnection(0);
        harness.start(Echo::new, c);
        byte[] sent = pattern(64 * 1024, 2);
        c.getInputStream().feed(sent);
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        c.getOutputStream().takeAll();
        assertSameBytes(c.getOutputStream().taken(), sent);
    }

    @Test
    void writeReportsTheBacklog() {
        Recorder r = harness.start(Recorder::new, new FakeConnection(0));
        assertThat(r.connection.write(pattern(1024, 3), 0, 1024)).isTrue();
        assertThat(r.connection.write(pattern(1, 3), 0, 1)).isFalse();
        assertThat(r.connection.isBacklogged()).isTrue();
    }

    @Test
    void onWritableFollowsABacklogThatEnded() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.write(pattern(2048, 3), 0, 2048);
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(r.events).contains("writable");
        assertThat(r.connection.isBacklogged()).isFalse();
    }

    @Test
    void heldInputWaitsUntilTheHoldIsReleased() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        UpgradedConnection.InputHold hold = r.connection.suspendInput();
        c.getInputStream().feed(SessionHarness.text("later"));
        assertThat(r.input).isEmpty();
        hold.release();
        assertThat(r.input).hasToString("later");
    }

    @Test
    void inputFlowsOnlyWhenEveryHoldIsReleased() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        UpgradedConnection.InputHold first = r.connection.suspendInput();
        UpgradedConnection.InputHold second = r.connection.suspendInput();
        c.getInputStream().feed(SessionHarness.text("later"));
        first.release();
        first.release(); // a second release of the same hold counts for nothing
        assertThat(r.input).isEmpty();
        second.release();
        assertThat(r.input).hasToString("later");
    }

    @Test
    void aHoldReleasedFromAnotherThreadResumesReading() throws Exception {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        UpgradedConnection.InputHold hold = r.connection.suspendInput();
        c.getInputStream().feed(SessionHarness.text("later"));
        Thread other = new Thread(hold::release);
        other.start();
        other.join();
        assertThat(r.input).hasToString("later");
    }

    @Test
    void aSessionMayWaitForItsOwnConnectionToDrain() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.write(pattern(2048, 4), 0, 2048);
        r.connection.suspendInputUntilWritable(r.connection);
        c.getInputStream().feed(SessionHarness.text("queued"));
        assertThat(r.input).isEmpty();
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(r.input).hasToString("queued");
    }
}
