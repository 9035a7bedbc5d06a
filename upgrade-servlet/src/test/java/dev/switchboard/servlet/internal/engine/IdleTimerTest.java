package dev.switchboard.servlet.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdleTimerTest {

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration FIRST_BYTE = Duration.ofSeconds(3);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SerialExecutor serial = new SerialExecutor(e -> {
        throw new AssertionError(e);
    });
    private final List<String> expiries = new ArrayList<>();

    private IdleTimer timer(Duration idle, Duration firstByte) {
        return new IdleTimer(scheduler, serial, idle, firstByte,
                firstByteExpired -> expiries.add(firstByteExpired ? "first-byte" : "idle"), scheduler.clock());
    }

    @Test
    void anIdleConnectionExpiresAfterTheIdleTimeout() {
        IdleTimer t = timer(IDLE, Duration.ZERO);
        t.start();
        scheduler.advance(IDLE.minusMillis(1));
        assertThat(expiries).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(expiries).containsExactly("idle");
    }

    @Test
    void activityPushesTheIdleDeadlineBack() {
        IdleTimer t = timer(IDLE, Duration.ZERO);
        t.start();
        scheduler.advance(Duration.ofSeconds(6));
        t.sent();
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(expiries).isEmpty();
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(expiries).containsExactly("idle");
    }

    @Test
    void anIgnoredIdleExpiryRearmsAFullPeriodLater() {
        IdleTimer t = timer(IDLE, Duration.ZERO);
        t.start();
        scheduler.advance(IDLE);
        assertThat(expiries).containsExactly("idle");
        assertThat(scheduler.delays()).containsExactly(IDLE.toNanos(), IDLE.toNanos());
        scheduler.advance(IDLE.minusMillis(1));
        assertThat(expiries).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(expiries).containsExactly("idle", "idle");
    }

    @Test
    void anIgnoredFirstByteExpiryRearmsAFullPeriodLater() {
        IdleTimer t = timer(Duration.ZERO, FIRST_BYTE);
        t.start();
        scheduler.advance(FIRST_BYTE);
        assertThat(expiries).containsExactly("first-byte");
        assertThat(scheduler.delays()).containsExactly(FIRST_BYTE.toNanos(), FIRST_BYTE.toNanos());
    }

    @Test
    void theFirstByteDeadlineEndsWithTheFirstByte() {
        IdleTimer t = timer(Duration.ZERO, FIRST_BYTE);
        t.start();
        scheduler.advance(Duration.ofSeconds(1));
        t.received();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(expiries).isEmpty();
    }

    @Test
    void theFirstByteDeadlineComesBeforeALongerIdleOne() {
        IdleTimer t = timer(IDLE, FIRST_BYTE);
        t.start();
        scheduler.advance(FIRST_BYTE);
        assertThat(expiries).containsExactly("first-byte");
    }

    @Test
    void aCancelledTimerNeitherFiresNorRearms() {
        IdleTimer t = timer(IDLE, FIRST_BYTE);
        t.start();
        t.cancel();
        scheduler.advance(IDLE.multipliedBy(3));
        assertThat(expiries).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void withBothTimeoutsOffNothingIsScheduled() {
        timer(Duration.ZERO, Duration.ZERO).start();
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void aTimeoutTooLongToCountInNanosecondsNeverExpires() {
        IdleTimer t = timer(Duration.ofSeconds(Long.MAX_VALUE), Duration.ZERO);
        t.start();
        scheduler.advance(Duration.ofDays(365 * 100));
        assertThat(expiries).isEmpty();
    }
}
