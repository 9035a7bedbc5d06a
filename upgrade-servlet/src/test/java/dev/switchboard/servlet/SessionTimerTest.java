package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SessionHarness.Recorder;
import dev.switchboard.servlet.internal.FakeConnection;
import dev.switchboard.servlet.internal.engine.ManualScheduler;

/** The connection engine's timeouts and scheduled tasks, on a scheduler whose time moves only when told. */
class SessionTimerTest {

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration FIRST_BYTE = Duration.ofSeconds(3);

    private final ManualScheduler scheduler = new ManualScheduler();

    private SessionHarness harness(Duration idle, Duration firstByte) {
        return new SessionHarness(scheduler, scheduler.clock(), new HandlerOptions(idle, firstByte, 256, 1024));
    }

    @Test
    void anIdleConnectionIsToldAndThenClosedWithATimeout() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(IDLE, Duration.ZERO).start(Recorder::new, c);
        scheduler.advance(IDLE.minusMillis(1));
        assertThat(c.isClosed()).isFalse();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(r.events).containsSubsequence("timeout IDLE", "closed TimeoutException");
        assertThat(c.isClosed()).isTrue();
    }

    @Test
    void trafficPushesTheIdleTimeoutBack() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(IDLE, Duration.ZERO).start(Recorder::new, c);
        scheduler.advance(Duration.ofSeconds(6));
        c.getInputStream().feed(SessionHarness.text("ping"));
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(r.events).doesNotContain("timeout IDLE");
    }

    @Test
    void aSessionThatStaysOpenOnATimeoutIsAskedAgainAFullPeriodLater() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(IDLE, Duration.ZERO).start(Recorder::new, c);
        r.afterTimeout = UpgradeSession.Then.STAY_OPEN;
        scheduler.advance(IDLE);
        assertThat(c.isClosed()).isFalse();
        scheduler.advance(IDLE.minusMillis(1));
        assertThat(r.events.stream().filter(e -> e.startsWith("timeout"))).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(r.events.stream().filter(e -> e.startsWith("timeout"))).hasSize(2);
    }

    @Test
    void aPeerThatSendsNothingAfterTheSwitchIsClosedAtTheFirstByteTimeout() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(IDLE, FIRST_BYTE).start(Recorder::new, c);
        r.connection.write(SessionHarness.text("hello?"), 0, 6); // output does not count as the peer's first byte
        scheduler.advance(FIRST_BYTE);
        assertThat(r.events).containsSubsequence("timeout FIRST_BYTE", "closed TimeoutException");
    }

    @Test
    void aScheduledTaskRunsSerialisedWithTheCallbacks() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(Duration.ZERO, Duration.ZERO).start(Recorder::new, c);
        r.connection.schedule(() -> r.events.add("task"), Duration.ofSeconds(1));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(r.events).endsWith("task");
    }

    @Test
    void aScheduledTaskDoesNotRunOnceTheConnectionHasClosed() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(Duration.ZERO, Duration.ZERO).start(Recorder::new, c);
        List<String> ran = new ArrayList<>();
        r.connection.schedule(() -> ran.add("task"), Duration.ofSeconds(1));
        r.connection.close();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
    }

    @Test
    void theTimeoutsStopWhenTheConnectionCloses() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness(IDLE, FIRST_BYTE).start(Recorder::new, c);
        assertThat(scheduler.pending()).isOne();
        r.connection.close();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void noTimeoutsMeansNothingScheduled() {
        harness(Duration.ZERO, Duration.ZERO).start(Recorder::new, new FakeConnection(1 << 20));
        assertThat(scheduler.pending()).isZero();
    }
}
