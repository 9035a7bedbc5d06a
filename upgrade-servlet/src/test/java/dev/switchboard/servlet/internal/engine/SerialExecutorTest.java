package dev.switchboard.servlet.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
    private final SerialExecutor serial = new SerialExecutor(failures::add);

    @Test
    void runsATaskAtOnceOnTheCallingThreadWhenIdle() {
        List<Thread> ran = new ArrayList<>();
        serial.execute(() -> ran.add(Thread.currentThread()));
        assertThat(ran).containsExactly(Thread.currentThread());
    }

    @Test
    void aTaskSubmittedFromATaskRunsAfterItNotInsideIt() {
        List<String> events = new ArrayList<>();
        serial.execute(() -> {
            events.add("outer start");
            serial.execute(() -> events.add("inner"));
            events.add("outer end");
        });
        assertThat(events).containsExactly("outer start", "outer end", "inner");
    }

    @Test
    void tasksFromManyThreadsRunOneAtATimeInEachThreadsOrder() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<List<Integer>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            seen.add(new ArrayList<>());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    serial.execute(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.get(id).add(n); // unsynchronized on purpose: tasks never overlap
                        running.decrementAndGet();
                    });
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(overlaps).hasValue(0);
        for (List<Integer> s : seen) {
            assertThat(s).hasSize(perThread).isSorted();
        }
    }

    @Test
    void tryExecuteNowRefusesWhileAnotherThreadRunsTasks() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> serial.execute(() -> {
            inside.countDown();
            release.await();
        }));
        holder.start();
        inside.await();
        List<String> ran = new ArrayList<>();
        assertThat(serial.tryExecuteNow(() -> ran.add("now"))).isFalse();
        release.countDown();
        holder.join();
        assertThat(ran).isEmpty();
        assertThat(serial.tryExecuteNow(() -> ran.add("now"))).isTrue();
        assertThat(ran).containsExactly("now");
    }

    @Test
    void tryExecuteNowFromATaskRefuses() {
        List<Boolean> result = new ArrayList<>();
        serial.execute(() -> result.add(serial.tryExecuteNow(() -> { })));
        assertThat(result).containsExactly(false);
    }

    @Test
    void aTaskQueuedWhileAnotherThreadRunsIsRunByThatThread() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
        Thread holder = new Thread(() -> serial.execute(() -> {
            inside.countDown();
            release.await();
        }));
        holder.start();
        inside.await();
        serial.execute(() -> ranOn.add(Thread.currentThread()));
        assertThat(ranOn).as("queued, not run by the submitter").isEmpty();
        release.countDown();
        holder.join();
        assertThat(ranOn).containsExactly(holder);
    }

    @Test
    void executeAndWaitRunsOnTheCallingThreadOnceTheRunningTaskEnds() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Thread holder = new Thread(() -> serial.execute(() -> {
            inside.countDown();
            release.await();
            events.add("first");
        }));
        holder.start();
        inside.await();
        Thread waiter = new Thread(() -> serial.executeAndWait(() -> events.add("waited")));
        waiter.start();
        release.countDown();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        holder.join();
        assertThat(events).containsExactly("first", "waited");
    }

    @Test
    void aFailingTaskGoesToTheHandlerAndTheNextTaskStillRuns() {
        List<String> ran = new ArrayList<>();
        serial.execute(() -> {
            serial.execute(() -> ran.add("next"));
            throw new java.io.IOException("boom");
        });
        assertThat(failures).singleElement().extracting(Exception::getMessage).isEqualTo("boom");
        assertThat(ran).containsExactly("next");
    }

    @Test
    void knowsWhetherTheCallingThreadRunsItsTasks() {
        List<Boolean> inside = new ArrayList<>();
        serial.execute(() -> inside.add(serial.inExecutor()));
        assertThat(inside).containsExactly(true);
        assertThat(serial.inExecutor()).isFalse();
    }
}
