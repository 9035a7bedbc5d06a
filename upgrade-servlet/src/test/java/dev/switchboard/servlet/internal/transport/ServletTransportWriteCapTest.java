package dev.switchboard.servlet.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.internal.FakeInput;
import jakarta.servlet.http.WebConnection;

/**
 * Writes kept below the container's write buffer and flushed one by one, over an output that
 * behaves as Tomcat's does: a write that leaves its buffer exactly full makes it wait for the
 * poller.
 */
class ServletTransportWriteCapTest {

    private static final int BUFFER = 8192;
    private static final int PLENTY = Integer.MAX_VALUE;

    private int writable;

    private static byte[] message(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 251);
        }
        return b;
    }

    private ServletTransport started(BufferedSocketOutput out, int writeBufferSize) throws IOException {
        WebConnection connection = new WebConnection() {
            private final FakeInput in = new FakeInput();

            @Override
            public FakeInput getInputStream() {
                return in;
            }

            @Override
            public BufferedSocketOutput getOutputStream() {
                return out;
            }

            @Override
            public void close() {
            }
        };
        ServletTransport transport = new ServletTransport(connection, ConnectionControl.PORTABLE, writeBufferSize);
        transport.start(new Transport.Events() {
            @Override
            public void readable() {
            }

            @Override
            public void inputEnded() {
            }

            @Override
            public void writable() {
                writable++;
            }

            @Override
            public void failed(Throwable cause) {
                throw new AssertionError(cause);
            }

            @Override
            public void closed() {
            }
        });
        return transport;
    }

    @Test
    void aCappedWriteOfAWholeMessageReachesTheSocketWithoutWaitingForThePoller() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, PLENTY, PLENTY);
        ServletTransport transport = started(out, BUFFER);
        byte[] message = message(64 * 1024);

        assertThat(transport.write(ByteBuffer.wrap(message))).isTrue();
        assertThat(transport.flush()).isTrue();

        assertThat(out.sent()).isEqualTo(message);
        assertThat(out.waits()).isZero();
    }

    @Test
    void eachWriteIsOneByteBelowTheBufferAndIsFlushedAtOnce() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, PLENTY, PLENTY);
        ServletTransport transport = started(out, BUFFER);

        transport.write(ByteBuffer.wrap(message(3 * BUFFER)));

        assertThat(out.writes()).containsExactly(BUFFER - 1, BUFFER - 1, BUFFER - 1, 3);
        assertThat(out.flushes()).isEqualTo(4);
    }

    @Test
    void aFlushAfterCappedWritesAsksTheStreamOnlyWhetherTheyHaveGoneOut() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, PLENTY, PLENTY);
        ServletTransport transport = started(out, BUFFER);
        transport.write(ByteBuffer.wrap(message(3 * BUFFER)));

        assertThat(transport.flush()).isTrue();
        assertThat(out.flushes()).isEqualTo(4);
    }

    @Test
    void aFlushAfterCappedWritesThatHaveNotGoneOutIsFollowedByWritable() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, PLENTY, 5000);
        ServletTransport transport = started(out, BUFFER);
        byte[] message = message(BUFFER - 1);
        assertThat(transport.write(ByteBuffer.wrap(message))).isTrue();

        assertThat(transport.flush()).isFalse();
        int before = writable;
        out.peerReads(5000);
        assertThat(writable).isEqualTo(before + 1);
        assertThat(transport.flush()).isTrue();
        assertThat(out.sent()).isEqualTo(message);
    }

    @Test
    void withoutTheCapAWriteThatFillsTheBufferExactlyWaitsForThePoller() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, PLENTY, PLENTY);
        ServletTransport transport = started(out, 0);
        byte[] message = message(2 * BUFFER);

        assertThat(transport.write(ByteBuffer.wrap(message))).isTrue();
        assertThat(transport.flush()).isFalse();
        assertThat(out.sent()).hasSize(BUFFER);

        out.poll();
        assertThat(writable).isEqualTo(2); // the first onWritePossible, then the poller's
        assertThat(out.sent()).isEqualTo(message);
        assertThat(out.waits()).isEqualTo(1);
    }

    @Test
    void aSocketThatFillsMidMessageStopsTheWriteUntilThePeerReads() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, PLENTY, 20_000);
        ServletTransport transport = started(out, BUFFER);
        byte[] message = message(64 * 1024);
        ByteBuffer data = ByteBuffer.wrap(message);

        assertThat(transport.write(data)).isFalse();
        assertThat(data.position()).isBetween(20_000, 20_000 + BUFFER);
        assertThat(out.sent()).hasSize(20_000);

        int before = writable;
        out.peerReads(20_000);
        assertThat(writable).isEqualTo(before + 1);
        while (!transport.write(data)) {
            out.peerReads(20_000);
        }
        assertThat(transport.flush()).isTrue();
        assertThat(out.sent()).isEqualTo(message);
    }

    @Test
    void socketWritesOfAFewBytesEachLoseAndReorderNothing() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, 1000, 5000);
        ServletTransport transport = started(out, BUFFER);
        byte[] message = message(100_000);
        ByteBuffer data = ByteBuffer.wrap(message);

        int rounds = 0;
        while (!transport.write(data) || !transport.flush()) {
            out.peerReads(3000);
            rounds++;
        }

        assertThat(rounds).isPositive();
        assertThat(out.sent()).isEqualTo(message);
        assertThat(out.writes()).allSatisfy(n -> assertThat(n).isLessThan(BUFFER));
    }

    @Test
    void aBufferOfUnknownSizeGetsWritesOfUpTo64KiBFlushedWhenTheEngineAsks() throws IOException {
        BufferedSocketOutput out = new BufferedSocketOutput(1 << 20, PLENTY, PLENTY);
        ServletTransport transport = started(out, 0);

        transport.write(ByteBuffer.wrap(message(100_000)));

        assertThat(out.writes()).containsExactly(ServletTransport.MAX_WRITE, 100_000 - ServletTransport.MAX_WRITE);
        assertThat(out.flushes()).isZero();
    }
}
