package dev.switchboard.servlet.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoundedQueueTest {

    private static final int LIMIT = 8;

    private final BoundedQueue queue = new BoundedQueue(LIMIT);
    private final Taker sink = new Taker();

    @Test
    void bytesGoStraightToTheSinkWhileNothingIsQueued() throws Exception {
        sink.capacity = 100;

        assertThat(queue.offer(bytes("abc"), sink)).isTrue();

        assertThat(sink.taken()).isEqualTo("abc");
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void whatTheSinkDoesNotTakeIsCopiedAndQueued() throws Exception {
        sink.capacity = 2;
        ByteBuffer data = bytes("abcde");

        assertThat(queue.offer(data, sink)).isFalse();

        assertThat(data.hasRemaining()).as("the offer consumes its data").isFalse();
        assertThat(sink.taken()).isEqualTo("ab");
        assertThat(queue.queuedBytes()).isEqualTo(3);
    }

    @Test
    void withoutASinkEverythingIsQueued() throws Exception {
        assertThat(queue.offer(bytes("abc"), null)).isFalse();

        assertThat(queue.queuedBytes()).isEqualTo(3);
    }

    @Test
    void laterBytesWaitBehindQueuedOnesEvenWhenTheSinkCouldTakeThem() throws Exception {
        queue.offer(bytes("ab"), null);
        sink.capacity = 100;

        assertThat(queue.offer(bytes("cd"), sink)).isFalse();
        assertThat(sink.taken()).isEmpty();

        assertThat(queue.drainTo(sink)).isTrue();
        assertThat(sink.taken()).isEqualTo("abcd");
    }

    @Test
    void aDrainStopsWhereTheSinkStopsAndGoesOnFromThereInOrder() throws Exception {
        queue.offer(bytes("abc"), null);
        queue.offer(bytes("def"), null);
        sink.capacity = 4;

        assertThat(queue.drainTo(sink)).isFalse();
        assertThat(sink.taken()).isEqualTo("abcd");
        assertThat(queue.queuedBytes()).isEqualTo(2);

        sink.capacity = 100;
        assertThat(queue.drainTo(sink)).isTrue();
        assertThat(sink.taken()).isEqualTo("abcdef");
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void theLimitItselfIsNotABacklog() throws Exception {
        queue.offer(bytes("12345678"), null);

        assertThat(queue.isBacklogged()).isFalse();
        assertThat(queue.whenWritable(() -> { })).isFalse();
    }

    @Test
    void oneByteOverTheLimitIsABacklog() throws Exception {
        queue.offer(bytes("123456789"), null);

        assertThat(queue.isBacklogged()).isTrue();
    }

    @Test
    void aBacklogLastsUntilTheQueueIsDownToHalfTheLimit() throws Exception {
        queue.offer(bytes("123456789"), null);
        sink.capacity = 4; // 5 left: above half

        queue.drainTo(sink);
        assertThat(queue.resumeAtHalf()).isNull();
        assertThat(queue.isBacklogged()).as("back within the limit but above half").isTrue();

        sink.capacity = 1; // 4 left: half
        queue.drainTo(sink);
        assertThat(queue.resumeAtHalf()).isEmpty();
        assertThat(queue.isBacklogged()).isFalse();
    }

    @Test
    void theEndOfABacklogIsReportedOnce() throws Exception {
        queue.offer(bytes("123456789"), null);
        sink.capacity = 100;
        queue.drainTo(sink);

        assertThat(queue.resumeAtHalf()).isNotNull();
        assertThat(queue.resumeAtHalf()).isNull();
    }

    @Test
    void wakeUpsRegisteredDuringABacklogAreHandedOutWhenItEnds() throws Exception {
        queue.offer(bytes("123456789"), null);
        Runnable first = () -> { };
        Runnable second = () -> { };
        assertThat(queue.whenWritable(first)).isTrue();
        assertThat(queue.whenWritable(second)).isTrue();
        sink.capacity = 100;
        queue.drainTo(sink);

        assertThat(queue.resumeAtHalf()).containsExactly(first, second);
    }

    @Test
    void clearingDropsTheBytesEndsTheBacklogAndHandsOutTheWakeUps() throws Exception {
        queue.offer(bytes("123456789"), null);
        Runnable waiting = () -> { };
        queue.whenWritable(waiting);

        List<Runnable> due = queue.clear();

        assertThat(due).containsExactly(waiting);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.queuedBytes()).isZero();
        assertThat(queue.isBacklogged()).isFalse();
    }

    @Test
    void aSinkThatTakesAWholeBufferButNoMoreEndsTheDrain() throws Exception {
        queue.offer(bytes("ab"), null);
        queue.offer(bytes("cd"), null);
        BoundedQueue.Sink onlyOne = data -> {
            sink.write(data);
            return false;
        };
        sink.capacity = 100;

        assertThat(queue.drainTo(onlyOne)).isFalse();
        assertThat(sink.taken()).isEqualTo("ab");
        assertThat(queue.queuedBytes()).isEqualTo(2);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** A sink that takes up to {@code capacity} bytes more, and records them. */
    private static final class Taker implements BoundedQueue.Sink {
        int capacity;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public boolean write(ByteBuffer data) {
            while (capacity > 0 && data.hasRemaining()) {
                out.write(data.get());
                capacity--;
            }
            return !data.hasRemaining();
        }

        String taken() {
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}
