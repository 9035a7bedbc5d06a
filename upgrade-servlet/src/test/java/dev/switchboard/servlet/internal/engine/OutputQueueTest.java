package dev.switchboard.servlet.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.internal.FakeConnection;
import dev.switchboard.servlet.internal.FakeOutput;
import dev.switchboard.servlet.internal.transport.ServletTransport;

/** The one bounded queue and its back-pressure rule, over the Servlet transport of a fake connection. */
class OutputQueueTest {

    private static final int LIMIT = 1000;

    private final AtomicLong sent = new AtomicLong();
    private final OutputQueue queue = new OutputQueue(LIMIT, n -> sent.addAndGet(n));

    private FakeOutput started(int capacity) throws IOException {
        FakeConnection connection = new FakeConnection(capacity);
        ServletTransport transport = new ServletTransport(connection, ConnectionControl.PORTABLE);
        transport.start(NoEvents.INSTANCE);
        queue.start(transport);
        return connection.getOutputStream();
    }

    private OutputQueue.Accepted write(byte[] b) throws IOException {
        return queue.write(ByteBuffer.wrap(b));
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    @Test
    void writesStraightThroughAndFlushesWhileTheStreamIsReady() throws IOException {
        FakeOutput out = started(10_000);
        assertThat(write(bytes(300, 0))).isEqualTo(OutputQueue.Accepted.OK);
        assertThat(out.held()).isEqualTo(300);
        assertThat(out.flushes()).isPositive();
        assertThat(queue.pendingBytes()).isZero();
        assertThat(sent).hasValue(300);
    }

    @Test
    void queuesWhatTheStreamCannotTakeAndWritesItInOrderWhenDrained() throws IOException {
        FakeOutput out = started(0);
        write(bytes(100, 0));
        write(bytes(100, 100));
        assertThat(queue.pendingBytes()).isEqualTo(200);
        out.capacity(10_000);
        queue.drain();
        out.takeAll();
        byte[] expected = new byte[200];
        System.arraycopy(bytes(100, 0), 0, expected, 0, 100);
        System.arraycopy(bytes(100, 100), 0, expected, 100, 100);
        assertThat(out.taken()).isEqualTo(expected);
    }

    @Test
    void aWriteThatTakesTheQueueOverItsLimitIsBacklogged() throws IOException {
        started(0);
        assertThat(write(bytes(LIMIT, 0))).isEqualTo(OutputQueue.Accepted.OK);
        assertThat(queue.isBacklogged()).isFalse();
        assertThat(write(bytes(1, 0))).isEqualTo(OutputQueue.Accepted.BACKLOGGED);
        assertThat(queue.isBacklogged()).isTrue();
    }

    @Test
    void theBacklogEndsOnlyAtHalfTheLimit() throws IOException {
        FakeOutput out = started(0);
        for (int i = 0; i < 11; i++) {
            write(bytes(100, i)); // 1100 queued, over the limit
        }
        out.capacity(100); // the container takes one chunk at a time
        List<Boolean> unblocked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            unblocked.add(queue.drain().unblocked());
            out.takeAll();
        }
        // 1000, 900, 800, 700, 600 queued: still backlogged; 500 (half): unblocked, once
        assertThat(unblocked).containsExactly(false, false, false, false, false, true);
        assertThat(queue.isBacklogged()).isFalse();
    }

    @Test
    void aWaiterIsNotRegisteredWhileTheQueueCanTakeMore() throws IOException {
        started(0);
        write(bytes(10, 0));
        assertThat(queue.whenWritable(() -> { })).isFalse();
    }

    @Test
    void aWaiterIsHandedOutByTheDrainThatEndsTheBacklog() throws IOException {
        FakeOutput out = started(0);
        write(bytes(1100, 0));
        Runnable waiter = () -> { };
        assertThat(queue.whenWritable(waiter)).isTrue();
        out.capacity(700);
        assertThat(queue.drain().waiters()).containsExactly(waiter);
        out.capacity(10_000);
        assertThat(queue.drain().waiters()).as("handed out once").isEmpty();
    }

    @Test
    void waitersAreHandedOutByADiscard() throws IOException {
        started(0);
        write(bytes(1100, 0));
        Runnable waiter = () -> { };
        queue.whenWritable(waiter);
        assertThat(queue.discard()).containsExactly(waiter);
        assertThat(queue.whenWritable(() -> { })).as("a discarded queue waits for nothing").isFalse();
    }

    @Test
    void writesAfterADiscardAreRefused() throws IOException {
        started(10_000);
        queue.discard();
        assertThat(write(bytes(1, 0))).isEqualTo(OutputQueue.Accepted.CLOSED);
    }

    @Test
    void aCloseWaitsForTheQueueToBeWrittenAndFlushed() throws IOException {
        FakeOutput out = started(0);
        write(bytes(10, 0));
        assertThat(queue.closeWhenFlushed()).isFalse();
        assertThat(write(bytes(1, 0))).as("writes after the close").isEqualTo(OutputQueue.Accepted.CLOSED);
        out.capacity(10_000);
        assertThat(queue.drain().closable()).isTrue();
        out.takeAll();
        assertThat(out.taken()).isEqualTo(bytes(10, 0));
    }

    @Test
    void aCloseOfAnEmptyReadyQueueIsFlushedAtOnce() throws IOException {
        started(10_000);
        assertThat(queue.closeWhenFlushed()).isTrue();
    }

    @Test
    void writesBeforeTheStartAreQueuedAndWrittenByTheFirstDrain() throws IOException {
        assertThat(write(bytes(10, 0))).isEqualTo(OutputQueue.Accepted.OK);
        FakeOutput out = started(10_000);
        queue.drain();
        out.takeAll();
        assertThat(out.taken()).isEqualTo(bytes(10, 0));
    }

    @Test
    void largeWritesReachTheStreamInPiecesOfAtMostMaxWrite() throws IOException {
        FakeOutput out = started(Integer.MAX_VALUE);
        write(new byte[ServletTransport.MAX_WRITE * 3 + 5]);
        assertThat(out.held()).isEqualTo(ServletTransport.MAX_WRITE * 3 + 5);
        assertThat(sent).hasValue(ServletTransport.MAX_WRITE * 3 + 5);
    }
}
