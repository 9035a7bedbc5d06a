package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.proxy.TunnelStatistics;

/** The bounded queue toward a tunnel's backend and its one back-pressure rule. */
class BackendQueueTest {

    /** A backend that takes as many bytes as it has room for, and remembers the end of its input. */
    private static final class Backend implements Transport {
        int room;
        int taken;
        boolean shut;

        @Override
        public SocketChannel channel() {
            throw new UnsupportedOperationException("no socket in memory");
        }

        @Override
        public int readBlocking(byte[] b, int off, int len) {
            return -1;
        }

        @Override
        public void writeBlocking(ByteBuffer src) {
            write(src);
        }

        @Override
        public void configureNonBlocking() {
            // nothing to switch
        }

        @Override
        public int read(ByteBuffer dst) {
            return -1;
        }

        @Override
        public void write(ByteBuffer src) {
            int n = Math.min(room, src.remaining());
            src.position(src.position() + n);
            room -= n;
            taken += n;
        }

        @Override
        public boolean flush() {
            return true;
        }

        @Override
        public void shutdownOutput() {
            shut = true;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private final Backend backend = new Backend();
    private final BackendQueue queue = new BackendQueue(backend, new TunnelStatistics("/t"), 1000);
    private final AtomicInteger wakeUps = new AtomicInteger();

    BackendQueueTest() {
        queue.start();
    }

    private static ByteBuffer bytes(int n) {
        return ByteBuffer.allocate(n);
    }

    @Test
    void bytesTheBackendTakesAtOnceAreNotQueued() throws Exception {
        backend.room = 500;
        assertThat(queue.offer(bytes(500))).isEqualTo(BackendQueue.Offered.TAKEN);
        assertThat(queue.wantsWrite()).isFalse();
    }

    @Test
    void bytesTheBackendCannotTakeAreQueuedWithinTheLimit() throws Exception {
        assertThat(queue.offer(bytes(1000))).isEqualTo(BackendQueue.Offered.QUEUED);
        assertThat(queue.wantsWrite()).isTrue();
    }

    @Test
    void aQueueOverItsLimitReportsTheBacklog() throws Exception {
        queue.offer(bytes(1000));
        assertThat(queue.offer(bytes(1))).isEqualTo(BackendQueue.Offered.BACKLOGGED);
    }

    @Test
    void aWakeUpIsNotRegisteredWhileTheQueueIsWithinItsLimit() throws Exception {
        queue.offer(bytes(1000));
        assertThat(queue.whenWritable(wakeUps::incrementAndGet)).isFalse();
    }

    @Test
    void aWakeUpRunsOnlyOnceADrainBringsTheQueueDownToHalf() throws Exception {
        queue.offer(bytes(1001));
        assertThat(queue.whenWritable(wakeUps::incrementAndGet)).isTrue();

        backend.room = 500;
        assertThat(queue.drain().wakeUps()).isEmpty(); // 501 left: more than half

        backend.room = 1;
        queue.drain().wakeUps().forEach(Runnable::run);
        assertThat(wakeUps).hasValue(1);
        assertThat(queue.whenWritable(wakeUps::incrementAndGet)).isFalse();
    }

    @Test
    void closingHandsOutTheWaitingWakeUpsAndDiscardsLaterBytes() throws Exception {
        queue.offer(bytes(1001));
        queue.whenWritable(wakeUps::incrementAndGet);

        queue.close().forEach(Runnable::run);

        assertThat(wakeUps).hasValue(1);
        backend.room = 10;
        assertThat(queue.offer(bytes(10))).isEqualTo(BackendQueue.Offered.TAKEN);
        assertThat(backend.taken).isZero();
        assertThat(queue.close()).isNull();
    }

    @Test
    void theClientsHalfCloseIsPassedOnOnceItsBytesAreWritten() throws Exception {
        queue.offer(bytes(10));
        queue.clientEnded();
        queue.drain();
        assertThat(backend.shut).isFalse();

        backend.room = 10;
        assertThat(queue.drain().closable()).isFalse();
        assertThat(backend.shut).isTrue();
    }

    @Test
    void theBackendMayCloseOnceEverythingTheClientSentBeforeItWentIsWritten() throws Exception {
        queue.offer(bytes(10));
        queue.closeWhenFlushed();
        assertThat(queue.drain().closable()).isFalse();

        backend.room = 10;
        assertThat(queue.drain().closable()).isTrue();
        assertThat(backend.taken).isEqualTo(10);
    }
}
