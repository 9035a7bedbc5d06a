package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.internal.FakeConnection;

/** The engine of {@link NonBlockingUpgradeHandler} against a fake connection: ordering, back-pressure, close. */
class NonBlockingUpgradeHandlerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** Writes back what it reads. */
    static class Echo extends NonBlockingUpgradeHandler {
        @Override
        protected void onInput(ByteBuffer data) {
            write(data);
        }
    }

    /** Records every callback, and reads input as text. */
    static class Recorder extends NonBlockingUpgradeHandler {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder input = new StringBuilder();

        @Override
        protected void onOpen() {
            events.add("open");
        }

        @Override
        protected void onInput(ByteBuffer data) {
            input.append(StandardCharsets.ISO_8859_1.decode(data));
            events.add("input");
        }

        @Override
        protected void onInputClosed() throws IOException {
            events.add("input closed");
            super.onInputClosed();
        }

        @Override
        protected void onWritable() {
            events.add("writable");
        }

        @Override
        protected void onClosed(Throwable cause) {
            events.add("closed " + (cause == null ? "cleanly" : cause.getClass().getSimpleName()));
        }

        long closedEvents() {
            synchronized (events) {
                return events.stream().filter(e -> e.startsWith("closed")).count();
            }
        }
    }

    private <H extends NonBlockingUpgradeHandler> H start(H handler, FakeConnection c) {
        return HandlerHarness.start(handler, c, HandlerHarness.SMALL, scheduler);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Compares byte arrays by length, then by the first difference, without printing them whole. */
    static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).as("bytes received").isEqualTo(expected.length);
        assertThat(java.util.Arrays.mismatch(actual, expected)).as("first differing byte").isEqualTo(-1);
    }

    static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    // ------------------------------------------------------------------ ordering

    @Test
    void inputArrivesInOrderAfterOnOpen() {
        FakeConnection c = new FakeConnection(1 << 20);
        c.getInputStream().feed(text("one "));
        Recorder r = start(new Recorder(), c);
        c.getInputStream().feed(text("two "));
        c.getInputStream().feed(text("three"));
        assertThat(r.events.get(0)).isEqualTo("open");
        assertThat(r.input).hasToString("one two three");
    }

    // ------------------------------------------------------------------ back-pressure

    @Test
    void anEchoStopsReadingAtTheBound() {
        FakeConnection c = new FakeConnection(0); // the peer reads nothing
        start(new Echo(), c);
        c.getInputStream().feed(pattern(4096, 1));
        // 256-byte reads echoed into a 1 KiB queue: the fifth takes it over the limit.
        assertThat(c.getInputStream().bytesRead()).isEqualTo(5 * 256);
    }

    @Test
    void anEchoReadsAgainOnlyWhenItsQueueIsDownToHalf() {
        FakeConnection c = new FakeConnection(0);
        start(new Echo(), c);
        c.getInputStream().feed(pattern(4096, 1));
        c.getOutputStream().capacity(300); // takes two 256-byte chunks: 768 queued, still over half
        assertThat(c.getInputStream().bytesRead()).isEqualTo(5 * 256);
        c.getOutputStream().take(512); // two more: 256 queued
        assertThat(c.getInputStream().bytesRead()).isGreaterThan(5 * 256);
    }

    @Test
    void anEchoDeliversEverythingInOrderWhenThePeerReadsAtLast() {
        FakeConnection c = new FakeConnection(0);
        start(new Echo(), c);
        byte[] sent = pattern(64 * 1024, 2);
        c.getInputStream().feed(sent);
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        c.getOutputStream().takeAll();
        assertSameBytes(c.getOutputStream().taken(), sent);
    }

    @Test
    void writeReportsTheBacklog() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = start(new Recorder(), c);
        assertThat(r.write(pattern(1024, 3), 0, 1024)).isTrue();
        assertThat(r.write(pattern(1, 3), 0, 1)).isFalse();
        assertThat(r.isBacklogged()).isTrue();
    }

    @Test
    void onWritableFollowsABacklogThatEnded() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = start(new Recorder(), c);
        r.write(pattern(2048, 3), 0, 2048);
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(r.events).contains("writable");
        assertThat(r.isBacklogged()).isFalse();
    }

    // ------------------------------------------------------------------ close

    @Test
    void aCloseFromAnotherThreadWaitsForQueuedOutput() throws Exception {
        FakeConnection c = new FakeConnection(0);
        Recorder r = start(new Recorder(), c);
        r.write(text("last words"), 0, 10);
        Thread other = new Thread(r::close);
        other.start();
        other.join();
        assertThat(c.isClosed()).as("closed before its output was written").isFalse();
        assertThat(r.isClosed()).isTrue();
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        c.getOutputStream().takeAll();
        assertThat(new String(c.getOutputStream().taken(), StandardCharsets.ISO_8859_1)).isEqualTo("last words");
        assertThat(c.isClosed()).isTrue();
        assertThat(r.events).endsWith("closed cleanly");
    }

    @Test
    void anAbortDiscardsQueuedOutputAndClosesAtOnce() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = start(new Recorder(), c);
        r.write(text("never sent"), 0, 10);
        r.abort(new IOException("gone"));
        assertThat(c.isClosed()).isTrue();
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(c.getOutputStream().taken()).isEmpty();
        assertThat(r.events).endsWith("closed IOException");
    }

    @Test
    void writesAfterACloseAreDiscarded() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = start(new Recorder(), c);
        r.close();
        assertThat(r.write(text("x"), 0, 1)).isFalse();
        assertThat(c.getOutputStream().held()).isZero();
    }

    @Test
    void theEndOfInputClosesOnceOutputIsWrittenByDefault() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = start(new Recorder(), c);
        c.getInputStream().feed(text("bye"));
        c.getInputStream().end();
        assertThat(r.events).containsSubsequence("input", "input closed", "closed cleanly");
        assertThat(c.isClosed()).isTrue();
    }

    @Test
    void onClosedRunsOnceHoweverManyThreadsClose() throws Exception {
        for (int round = 0; round < 50; round++) {
            FakeConnection c = new FakeConnection(0);
            Recorder r = start(new Recorder(), c);
            r.write(text("pending"), 0, 7);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int kind = i;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    switch (kind) {
                        case 0 -> r.close();
                        case 1 -> r.abort(new IOException("abort"));
                        case 2 -> r.destroy();
                        default -> c.getOutputStream().capacity(Integer.MAX_VALUE);
                    }
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(r.closedEvents()).as("onClosed calls in round " + round).isEqualTo(1);
        }
    }
}
