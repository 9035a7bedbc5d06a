package dev.switchboard.servlet;

import static dev.switchboard.servlet.SessionHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SessionHarness.Recorder;
import dev.switchboard.servlet.internal.FakeConnection;

/** The connection engine's order of callbacks, and how a connection ends, against a fake connection. */
class SessionLifecycleTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SessionHarness harness = new SessionHarness(scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static String taken(FakeConnection c) {
        c.getOutputStream().capacity(Integer.MAX_VALUE);
        c.getOutputStream().takeAll();
        return text(c.getOutputStream().taken());
    }

    // ------------------------------------------------------------------ order

    @Test
    void theSessionIsBuiltAtTheSwitchAndOpenedOnlyWhenTheContainerHandsTheConnectionOver() {
        SessionHarness.Switched<Recorder> s = harness.bind(Recorder::new);
        assertThat(s.session().events).containsExactly("built");
        s.handler().init(new FakeConnection(1 << 20));
        assertThat(s.session().events).containsExactly("built", "open");
    }

    @Test
    void aContainerThatHandsTheConnectionOverBeforeTheSwitchBindsItStartsTheSessionAtTheBinding() {
        FakeConnection c = new FakeConnection(1 << 20);
        c.getInputStream().feed(text("early"));
        dev.switchboard.servlet.internal.transport.SessionUpgradeHandler handler =
                new dev.switchboard.servlet.internal.transport.SessionUpgradeHandler();
        handler.init(c);
        List<Recorder> built = new ArrayList<>();
        handler.bind(new dev.switchboard.servlet.internal.engine.SessionSetup(conn -> {
            Recorder r = new Recorder(conn);
            built.add(r);
            return r;
        }, harness.statistics, SessionHarness.SMALL, new byte[0], scheduler), harness.container());
        assertThat(built.get(0).events).containsExactly("built", "open", "input");
    }

    @Test
    void inputArrivesInOrderAfterOnOpen() {
        FakeConnection c = new FakeConnection(1 << 20);
        c.getInputStream().feed(text("one "));
        Recorder r = harness.start(Recorder::new, c);
        c.getInputStream().feed(text("two "));
        c.getInputStream().feed(text("three"));
        assertThat(r.events.subList(0, 3)).containsExactly("built", "open", "input");
        assertThat(r.input).hasToString("one two three");
    }

    @Test
    void bytesWrittenByTheFactoryGoOutBeforeAnyOther() {
        FakeConnection c = new FakeConnection(1 << 20);
        SessionHarness.Switched<Recorder> s = harness.bind(conn -> {
            conn.write(text("early "), 0, 6);
            return new Recorder(conn);
        });
        s.handler().init(c);
        s.session().connection.write(text("late"), 0, 4);
        assertThat(taken(c)).isEqualTo("early late");
    }

    @Test
    void theConnectionNamesItsTransportOnceItIsOpen() {
        SessionHarness.Switched<Recorder> s = harness.bind(Recorder::new);
        assertThat(s.session().connection.transport()).isEqualTo("none");
        s.handler().init(new FakeConnection(1 << 20));
        assertThat(s.session().connection.transport()).isEqualTo("servlet");
    }

    @Test
    void theRequestContentIsHandedOverAsACopy() {
        SessionHarness.Switched<Recorder> s = harness.bind(Recorder::new, text("hello"));
        byte[] content = s.session().connection.requestContent();
        content[0] = 'j';
        assertThat(text(s.session().connection.requestContent())).isEqualTo("hello");
    }

    @Test
    void theLimitsInForceAreThoseOfTheSwitch() {
        Recorder r = harness.start(Recorder::new, new FakeConnection(1 << 20));
        assertThat(r.connection.limits()).isEqualTo(SessionHarness.SMALL);
    }

    @Test
    void anOpenConnectionIsCountedAsActiveUntilItCloses() {
        Recorder r = harness.start(Recorder::new, new FakeConnection(1 << 20));
        assertThat(harness.statistics.getActiveConnections()).isOne();
        r.connection.abort(new IOException("gone"));
        assertThat(harness.statistics.getActiveConnections()).isZero();
    }

    // ------------------------------------------------------------------ failures

    @Test
    void aFactoryThatThrowsAbortsTheConnectionWhenTheContainerHandsItOver() {
        FakeConnection c = new FakeConnection(1 << 20);
        SessionHarness.Switched<Recorder> s = harness.bind(conn -> {
            throw new IllegalStateException("no room");
        });
        s.handler().init(c);
        assertThat(c.isClosed()).isTrue();
        assertThat(harness.statistics.getActiveConnections()).isZero();
    }

    @Test
    void aCallbackThatThrowsClosesTheConnectionWithWhatItThrew() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(conn -> new Recorder(conn) {
            @Override
            public void onInput(ByteBuffer data) {
                throw new IllegalArgumentException("bad frame");
            }
        }, c);
        c.getInputStream().feed(text("x"));
        assertThat(c.isClosed()).isTrue();
        assertThat(r.events).endsWith("closed IllegalArgumentException");
    }

    @Test
    void aFailureTheContainerReportsAbortsWithItsCause() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        c.getInputStream().error(new IOException("reset by peer"));
        assertThat(c.isClosed()).isTrue();
        assertThat(r.events).endsWith("closed IOException");
    }

    @Test
    void anEofExceptionFromTheContainerIsTheEndOfInput() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        c.getInputStream().error(new EOFException());
        assertThat(r.events).containsSubsequence("input closed", "closed cleanly");
    }

    @Test
    void aConnectionTheContainerReleasesBeforeHandingItOverTellsTheSessionItClosed() {
        SessionHarness.Switched<Recorder> s = harness.bind(Recorder::new);
        s.handler().destroy();
        assertThat(s.session().events).containsExactly("built", "closed cleanly");
        FakeConnection late = new FakeConnection(1 << 20);
        s.handler().init(late);
        assertThat(late.isClosed()).as("a handover after the release").isTrue();
        assertThat(s.session().events).doesNotContain("open");
    }

    // ------------------------------------------------------------------ close

    @Test
    void aCloseFromAnotherThreadWaitsForQueuedOutput() throws Exception {
        FakeConnection c = new FakeConnection(0);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.write(text("last words"), 0, 10);
        Thread other = new Thread(r.connection::close);
        other.start();
        other.join();
        assertThat(c.isClosed()).as("closed before its output was written").isFalse();
        assertThat(r.connection.isClosed()).isTrue();
        assertThat(taken(c)).isEqualTo("last words");
        assertThat(c.isClosed()).isTrue();
        assertThat(r.events).endsWith("closed cleanly");
    }

    @Test
    void anAbortDiscardsQueuedOutputAndClosesAtOnce() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.write(text("never sent"), 0, 10);
        r.connection.abort(new IOException("gone"));
        assertThat(c.isClosed()).isTrue();
        assertThat(taken(c)).isEmpty();
        assertThat(r.events).endsWith("closed IOException");
    }

    @Test
    void writesAfterACloseAreDiscarded() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.close();
        assertThat(r.connection.write(text("x"), 0, 1)).isFalse();
        assertThat(c.getOutputStream().held()).isZero();
    }

    @Test
    void theEndOfInputClosesOnceOutputIsWrittenByDefault() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        c.getInputStream().feed(text("bye"));
        c.getInputStream().end();
        assertThat(r.events).containsSubsequence("input", "input closed", "closed cleanly");
        assertThat(c.isClosed()).isTrue();
    }

    @Test
    void aSessionThatStaysOpenAfterTheEndOfInputGoesOnWriting() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        r.afterInput = UpgradeSession.Then.STAY_OPEN;
        c.getInputStream().end();
        assertThat(r.connection.write(text("still here"), 0, 10)).isTrue();
        assertThat(c.isClosed()).isFalse();
        assertThat(taken(c)).isEqualTo("still here");
    }

    @Test
    void onClosedRunsOnceHoweverManyThreadsClose() throws Exception {
        for (int round = 0; round < 50; round++) {
            FakeConnection c = new FakeConnection(0);
            SessionHarness.Switched<Recorder> s = harness.bind(Recorder::new);
            s.handler().init(c);
            Recorder r = s.session();
            r.connection.write(text("pending"), 0, 7);
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
                        case 0 -> r.connection.close();
                        case 1 -> r.connection.abort(new IOException("abort"));
                        case 2 -> s.handler().destroy();
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
            assertThat(r.events.get(r.events.size() - 1)).as("the last callback").startsWith("closed");
        }
    }

    // ------------------------------------------------------------------ half-close

    @Test
    void shutdownOutputEndsTheOutputOnceQueuedBytesAreWritten() {
        FakeConnection c = new FakeConnection(0);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.write(text("tail"), 0, 4);
        r.connection.shutdownOutput();
        assertThat(c.getOutputStream().isClosed()).as("ended before its bytes went out").isFalse();
        assertThat(taken(c)).isEqualTo("tail");
        assertThat(c.getOutputStream().isClosed()).isTrue();
        assertThat(c.isClosed()).as("the connection itself").isFalse();
    }

    @Test
    void inputGoesOnAfterShutdownOutputWhileWritesAreDiscarded() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.shutdownOutput();
        assertThat(r.connection.write(text("x"), 0, 1)).isFalse();
        c.getInputStream().feed(text("more"));
        assertThat(r.input).hasToString("more");
        assertThat(r.connection.isClosed()).isFalse();
    }

    @Test
    void aCloseAfterShutdownOutputClosesTheConnection() {
        FakeConnection c = new FakeConnection(1 << 20);
        Recorder r = harness.start(Recorder::new, c);
        r.connection.shutdownOutput();
        r.connection.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(r.events).endsWith("closed cleanly");
    }
}
