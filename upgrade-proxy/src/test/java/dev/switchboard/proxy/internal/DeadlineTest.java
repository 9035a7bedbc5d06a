package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    @DisplayName("PRX-09 a deadline that passes runs its action once, and cannot be stopped after")
    void passes() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Deadline deadline = Deadline.start(Duration.ofMillis(10), scheduler, ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.stop()).isFalse();
        assertThat(deadline.millis()).isEqualTo(10);
    }

    @Test
    @DisplayName("PRX-09 a deadline stopped in time never runs its action")
    void stopsInTime() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        // Far enough off that no load on the machine lets it pass before the stop.
        Deadline deadline = Deadline.start(Duration.ofMinutes(10), scheduler, runs::incrementAndGet);
        assertThat(deadline.stop()).isTrue();
        assertThat(deadline.stop()).as("stopping again").isTrue();
        // Whatever was scheduled has run or been cancelled once the scheduler is drained.
        scheduler.schedule(() -> { }, 100, TimeUnit.MILLISECONDS).get();
        assertThat(runs).hasValue(0);
        assertThat(deadline.passed()).isFalse();
    }
}
