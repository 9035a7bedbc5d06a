package dev.switchboard.servlet;

import static dev.switchboard.servlet.RandomTraffic.drainer;
import static dev.switchboard.servlet.RandomTraffic.feeder;
import static dev.switchboard.servlet.SessionHarness.assertSameBytes;
import static dev.switchboard.servlet.SessionHarness.pattern;
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
 * Sessions that write to another connection and stop reading while it is backlogged, with
 * {@link UpgradedConnection#suspendInputUntilWritable}: the wake-up must never be lost,
 * however the two connections' threads interleave.
 */
class SessionRelayTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SessionHarness harness = new SessionHarness(scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** Relays its input to {@link #target}. */
    static final class Relay implements UpgradeSession {
        final UpgradedConnection connection;
        volatile WriteTargetConnection target;
        /** Runs between a write that returned false and the suspension: a test's chosen interleaving. */
        volatile Runnable between = () -> { };

        Relay(UpgradedConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onInput(ByteBuffer data) {
            if (!target.connection().write(data)) {
                between.run();
                connection.suspendInputUntilWritable(target.connection());
            }
        }

        @Override
        public Then onInputClosed() {
            return Then.STAY_OPEN; // keep relaying what is queued; the test closes
        }
    }

    /** A connection something is written to. */
    record WriteTargetConnection(UpgradedConnection connection) implements UpgradeSession {
        @Override
        public void onInput(ByteBuffer data) {
        }
    }

    @Test
    void aRelayStopsReadingWhileItsTargetIsBackloggedAndGoesOnWhenItDrainsToHalf() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection out = new FakeConnection(0);
        Relay relay = harness.start(Relay::new, in);
        relay.target = harness.start(WriteTargetConnection::new, out);
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
        Relay relay = harness.start(Relay::new, in);
        relay.target = harness.start(WriteTargetConnection::new, out);
        relay.between = () -> out.getOutputStream().capacity(Integer.MAX_VALUE); // drains on "another thread" first
        byte[] sent = pattern(4096, 8);
        in.getInputStream().feed(sent);
        out.getOutputStream().takeAll();
        assertSameBytes(out.getOutputStream().taken(), sent);
        assertThat(in.getInputStream().unread()).isZero();
    }

    @Test
    void aTargetThatClosesLetsTheRelayReadOn() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection out = new FakeConnection(0);
        Relay relay = harness.start(Relay::new, in);
        relay.target = harness.start(WriteTargetConnection::new, out);
        in.getInputStream().feed(pattern(4096, 10));
        assertThat(in.getInputStream().unread()).isPositive();
        relay.target.connection().abort(new IOException("the target's peer went away"));
        assertThat(in.getInputStream().unread()).isZero();
    }

    @Test
    void aRelayWaitingForTwoTargetsReadsOnWhenBothCanTakeMore() {
        FakeConnection in = new FakeConnection(1 << 20);
        FakeConnection outA = new FakeConnection(0);
        FakeConnection outB = new FakeConnection(0);
        UpgradedConnection a = harness.start(WriteTargetConnection::new, outA).connection();
        UpgradedConnection b = harness.start(WriteTargetConnection::new, outB).connection();
        harness.start(connection -> new UpgradeSession() {
            @Override
            public void onInput(ByteBuffer data) {
                ByteBuffer copy = data.duplicate();
                if (!a.write(data)) {
                    connection.suspendInputUntilWritable(a);
                }
                if (!b.write(copy)) {
                    connection.suspendInputUntilWritable(b);
                }
            }
        }, in);
        in.getInputStream().feed(pattern(4096, 11));
        long read = in.getInputStream().bytesRead();
        outA.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(in.getInputStream().bytesRead()).as("still waiting for b").isEqualTo(read);
        outB.getOutputStream().capacity(Integer.MAX_VALUE);
        assertThat(in.getInputStream().bytesRead()).isGreaterThan(read);
        assertThat(in.isClosed()).isFalse();
    }

    @Test
    void aRelayWaitsForAWriteTargetOfItsOwnWhoseDrainComesFirst() {
        FakeConnection in = new FakeConnection(1 << 20);
        List<Runnable> wakeUps = new ArrayList<>();
        boolean[] backlogged = {true};
        WriteTarget backend = wakeUp -> {
            if (!backlogged[0]) {
                return false;
            }
            wakeUps.add(wakeUp);
            return true;
        };
        StringBuilder relayed = new StringBuilder();
        harness.start(connection -> (UpgradeSession) data -> {
            relayed.append(SessionHarness.text(new byte[] {data.get()}));
            data.position(data.limit());
            connection.suspendInputUntilWritable(backend);
        }, in);
        in.getInputStream().feed(pattern(1024, 12));
        assertThat(relayed).hasSize(1);
        backlogged[0] = false;
        wakeUps.forEach(Runnable::run);
        assertThat(relayed).hasSize(4); // one per 256-byte read, none held any more
    }

    @Test
    void twoConnectionsRelayingToEachOtherAtFullSpeedDeliverEveryByteInOrder() throws Exception {
        FakeConnection x = new FakeConnection(4096);
        FakeConnection y = new FakeConnection(4096);
        Relay rx = harness.start(Relay::new, x);
        Relay ry = harness.start(Relay::new, y);
        rx.target = new WriteTargetConnection(ry.connection);
        ry.target = new WriteTargetConnection(rx.connection);
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
        assertThat(rx.connection.isClosed() || ry.connection.isClosed()).isFalse();
    }
}
