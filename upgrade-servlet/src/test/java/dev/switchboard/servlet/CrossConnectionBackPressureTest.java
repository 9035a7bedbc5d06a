package dev.switchboard.servlet;

import static dev.switchboard.servlet.NonBlockingUpgradeHandlerTest.assertSameBytes;
import static dev.switchboard.servlet.NonBlockingUpgradeHandlerTest.pattern;
import static dev.switchboard.servlet.RandomTraffic.drainer;
import static dev.switchboard.servlet.RandomTraffic.feeder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.internal.FakeConnection;

/**
 * Handlers that write to another connection and stop reading while it is backlogged: the
 * wake-up must never be lost, however the two connections' threads interleave.
 */
class CrossConnectionBackPressureTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** Relays its input to {@link #target}, stopping with {@code suspendInputUntilWritable}. */
    static class Relay extends NonBlockingUpgradeHandler {
        volatile NonBlockingUpgradeHandler target;
        /** Runs between a write that returned false and the suspension: a test's chosen interleaving. */
        volatile Runnable between = () -> { };

        @Override
        protected void onInput(ByteBuffer data) {
            if (!target.write(data)) {
                between.run();
                suspendInputUntilWritable(target);
            }
        }

        @Override
        protected void onInputClosed() {
            // keep relaying what is queued; the test closes
        }
    }

    /** Relays its input to {@link #target} with the older pair: suspendInput, resumed by the target's onWritable. */
    static class ResumingRelay extends NonBlockingUpgradeHandler {
        volatile ResumingRelay target;
        volatile ResumingRelay source;
        volatile Runnable between = () -> { };

        @Override
        protected void onInput(ByteBuffer data) {
            if (!target.write(data)) {
                between.run();
                suspendInput(); // resumed by the target's onWritable
            }
        }

        @Override
        protected void onWritable() {
            ResumingRelay s = source;
            if (s != null) {
                s.resumeInput();
            }
        }
    }

    /** A sink: reads nothing of its own, only carries what a relay writes to it. */
    static class Sink extends NonBlockingUpgradeHandler {
        @Override
        protected void onInput(ByteBuffer data) {
        }
    }

    private <H extends NonBlockingUpgradeHandler> H start(H handler, FakeConnection c) {
        return HandlerHarness.start(handler, c, HandlerHarness.SMALL, scheduler);
    }

    @Test
    void aRelayStopsReadingWhileItsTargetIsBackloggedAndGoesOnWhenItDrainsToHalf() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection out = new FakeConnection(0);
        Relay relay = start(new Relay(), in);
        relay.target = start(new Sink(), out);
        byte[] sent = pattern(4096, 7);
        in.getInputStream().feed(sent);
        assertThat(in.getInputStream().bytesRead()).as("read before the target's queue went over 1 KiB").isEqualTo(5 * 256);
        out.getOutputStream().capacity(Integer.MAX_VALUE);
        out.getOutputStream().takeAll();
        assertSameBytes(out.getOutputStream().taken(), sent);
    }

    @Test
    void aTargetThatDrainsBeforeTheSuspensionDoesNotHoldTheRelay() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection out = new FakeConnection(0);
        Relay relay = start(new Relay(), in);
        relay.target = start(new Sink(), out);
        relay.between = () -> out.getOutputStream().capacity(Integer.MAX_VALUE); // drains on "another thread" first
        byte[] sent = pattern(4096, 8);
        in.getInputStream().feed(sent);
        out.getOutputStream().takeAll();
        assertSameBytes(out.getOutputStream().taken(), sent);
        assertThat(in.getInputStream().unread()).isZero();
    }

    @Test
    void aResumeThatArrivesBeforeTheSuspensionItAnswersIsNotLost() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection out = new FakeConnection(0);
        ResumingRelay relay = start(new ResumingRelay(), in);
        ResumingRelay target = start(new ResumingRelay(), out);
        relay.target = target;
        target.source = relay;
        // The target drains, and its onWritable resumes the relay, before the relay suspends.
        relay.between = () -> out.getOutputStream().capacity(Integer.MAX_VALUE);
        byte[] sent = pattern(4096, 9);
        in.getInputStream().feed(sent);
        out.getOutputStream().takeAll();
        assertSameBytes(out.getOutputStream().taken(), sent);
        assertThat(in.getInputStream().unread()).isZero();
    }

    @Test
    void aTargetThatClosesLetsTheRelayReadOn() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection out = new FakeConnection(0);
        Relay relay = start(new Relay(), in);
        Sink sink = start(new Sink(), out);
        relay.target = sink;
        in.getInputStream().feed(pattern(4096, 10));
        assertThat(in.getInputStream().unread()).isPositive();
        sink.abort(new IOException("the target's peer went away"));
        assertThat(in.getInputStream().unread()).isZero();
    }

    @Test
    void aRelayWaitingForTwoTargetsReadsOnWhenBothCanTakeMore() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection outA = new FakeConnection(0);
        FakeConnection outB = new FakeConnection(0);
        Sink a = start(new Sink(), outA);
        Sink b = start(new Sink(), outB);
        NonBlockingUpgradeHandler fanOut = start(new NonBlockingUpgradeHandler() {
            @Override
            protected void onInput(ByteBuffer data) {
                ByteBuffer copy = data.duplicate();
                if (!a.write(data)) {
                    suspendInputUntilWritable(a);
                }
                if (!b.write(copy)) {
                    suspendInputUntilWritable(b);
                }
            }
        }, in);
        in.getInputStream().feed(pattern(4096, 11));
        long read = in.getInputStream().bytesRead();
        outA.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(in.getInputStream().bytesRead()).as("still waiting for b").isEqualTo(read);
        outB.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(in.getInputStream().bytesRead()).isGreaterThan(read);
        assertThat(fanOut.isClosed()).isFalse();
    }

    @Test
    void twoConnectionsRelayingToEachOtherAtFullSpeedDeliverEveryByteInOrder() throws Exception {
        relayBothWays(false);
    }

    @Test
    void twoConnectionsRelayingWithSuspendAndResumeDeliverEveryByteInOrder() throws Exception {
        relayBothWays(true);
    }

    /**
     * Two connections that relay to each other, each fed by a thread of its own and drained by
     * another in random steps: 1 MiB each way must arrive whole and in order, with no wake-up
     * lost on the way (a lost one leaves bytes unread, and the drainers give up after 60 s).
     */
    private void relayBothWays(boolean resuming) throws Exception {
        FakeConnection x = new FakeConnection(4096);
        FakeConnection y = new FakeConnection(4096);
        NonBlockingUpgradeHandler hx;
        NonBlockingUpgradeHandler hy;
        if (resuming) {
            ResumingRelay rx = start(new ResumingRelay(), x);
            ResumingRelay ry = start(new ResumingRelay(), y);
            rx.target = ry;
            rx.source = ry;
            ry.target = rx;
            ry.source = rx;
            hx = rx;
            hy = ry;
        } else {
            Relay rx = start(new Relay(), x);
            Relay ry = start(new Relay(), y);
            rx.target = ry;
            ry.target = rx;
            hx = rx;
            hy = ry;
        }
        int size = 1 << 20;
        byte[] fromX = pattern(size, 21);
        byte[] fromY = pattern(size, 22);
        List<Thread> threads = new ArrayList<>();
        threads.add(feeder(x, fromX, 31));
        threads.add(feeder(y, fromY, 32));
        List<Throwable> failures = new ArrayList<>();
        threads.add(drainer(y, size, 41, failures));
        threads.add(drainer(x, size, 42, failures));
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(90));
        }
        assertThat(failures).isEmpty();
        assertSameBytes(y.getOutputStream().taken(), fromX);
        assertSameBytes(x.getOutputStream().taken(), fromY);
        assertThat(hx.isClosed() || hy.isClosed()).isFalse();
    }
}
