package dev.switchboard.servlet.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.internal.FakeConnection;
import dev.switchboard.servlet.internal.transport.ServletTransport;

class ClosingTest {

    private final List<String> events = new ArrayList<>();
    private int active;
    private final Closing closing = new Closing(() -> events.add("released"),
            cause -> events.add("finished " + (cause == null ? "cleanly" : cause.getMessage())),
            () -> active++, lived -> active--, System::nanoTime);

    @Test
    void anAbortReleasesClosesTheTransportAndFinishesWithItsCause() {
        FakeConnection c = new FakeConnection(0);
        closing.attach(new ServletTransport(c, ConnectionControl.PORTABLE));
        closing.now(new IOException("reset"));
        assertThat(events).containsExactly("released", "finished reset");
        assertThat(c.isClosed()).isTrue();
        assertThat(active).isZero();
    }

    @Test
    void aCloseBeforeTheTransportArrivesClosesItOnArrival() {
        closing.now(null);
        FakeConnection c = new FakeConnection(0);
        assertThat(closing.attach(new ServletTransport(c, ConnectionControl.PORTABLE))).isFalse();
        assertThat(c.isClosed()).isTrue();
        assertThat(active).isZero();
    }

    @Test
    void theContainersReleaseFinishesWithoutClosingTheTransportAgain() {
        FakeConnection c = new FakeConnection(0);
        closing.attach(new ServletTransport(c, ConnectionControl.PORTABLE));
        closing.released();
        assertThat(events).containsExactly("released", "finished cleanly");
        assertThat(c.closes()).isZero();
    }

    @Test
    void aReleaseAfterAnAbortFinishesOnceWithTheAbortsCause() {
        closing.attach(new ServletTransport(new FakeConnection(0), ConnectionControl.PORTABLE));
        closing.now(new IOException("first"));
        closing.released();
        closing.now(new IOException("second"));
        assertThat(events).containsExactly("released", "finished first");
    }

    @Test
    void anOrderlyCloseIsAskedForOnce() {
        assertThat(closing.request()).isTrue();
        assertThat(closing.request()).isFalse();
        assertThat(closing.isClosing()).isTrue();
        assertThat(closing.isClosed()).isFalse();
    }

    @Test
    void closesFromManyThreadsFinishOnceAndCloseTheTransportOnce() throws Exception {
        for (int round = 0; round < 50; round++) {
            List<String> seen = new ArrayList<>();
            Closing c = new Closing(() -> { }, cause -> {
                synchronized (seen) {
                    seen.add("finished");
                }
            }, () -> { }, lived -> { }, System::nanoTime);
            FakeConnection connection = new FakeConnection(0);
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
                        case 0 -> c.attach(new ServletTransport(connection, ConnectionControl.PORTABLE));
                        case 1 -> c.released();
                        default -> c.now(new IOException("abort " + kind));
                    }
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(seen).as("round " + round).containsExactly("finished");
            assertThat(connection.closes()).as("round " + round).isLessThanOrEqualTo(1);
        }
    }
}
