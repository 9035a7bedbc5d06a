package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Handshakes.randomBytes;
import static dev.switchboard.it.scenarios.Handshakes.upgraded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.it.ProtocolCounters;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * {@code echo/1} under load, on the wire: bulk data, a client that stops reading, and a
 * client that half-closes. Deploy {@code HandlerDeployments.handlerApp(...)}, whose small
 * buffers make back-pressure show after a few kilobytes.
 */
public abstract class EchoStreamScenarios {

    private static final String ECHO = "echo/1";

    /** The server with the handler application deployed. */
    protected abstract ServerUnderTest server();

    @AfterEach
    void everyConnectionIsReleased() {
        ProtocolCounters echo = ProtocolCounters.of(server(), ECHO);
        await("the echo connections to close").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(echo.activeConnections()).isZero());
    }

    @Test
    void tenMebibytesOfRandomBytesComeBackExactly() throws Exception {
        byte[] data = randomBytes(10 * 1024 * 1024);
        try (RawConnection c = upgraded(server(), ECHO)) {
            CompletableFuture<Void> writer = writeInBackground(c, data);

            byte[] echoed = c.readBytes(data.length);

            writer.get(60, TimeUnit.SECONDS);
            assertSameBytes(echoed, data);
        }
    }

    @Test
    void aClientThatStopsReadingStopsTheServerReadingWithBoundedQueuedOutputAndLosesNothing() throws Exception {
        ProtocolCounters echo = ProtocolCounters.of(server(), ECHO);
        byte[] data = randomBytes(32 * 1024 * 1024);
        try (RawConnection c = upgraded(server(), ECHO)) {
            long received0 = echo.bytesReceived();
            long sent0 = echo.bytesSent();
            CompletableFuture<Void> writer = writeInBackground(c, data);

            // The client reads nothing: once the TCP buffers are full, the server must stop reading.
            AtomicLong previous = new AtomicLong(-1);
            await("the server to stop reading").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        long now = echo.bytesReceived();
                        return previous.getAndSet(now) == now;
                    });
            long received = echo.bytesReceived() - received0;
            long queued = received - (echo.bytesSent() - sent0);

            assertThat(received).as("bytes the server read").isLessThan(data.length);
            assertThat(queued).as("bytes queued in the server for the client")
                    .isBetween(0L, (long) HandlerDeployments.MAX_PENDING_OUTPUT + HandlerDeployments.READ_BUFFER_SIZE);
            assertThat(echo.activeConnections()).isEqualTo(1);

            byte[] echoed = c.readBytes(data.length);

            writer.get(60, TimeUnit.SECONDS);
            assertSameBytes(echoed, data);
        }
    }

    @Test
    void aClientHalfCloseGetsEverythingEchoedThenTheServerCloses() throws Exception {
        byte[] data = randomBytes(1024 * 1024);
        try (RawConnection c = upgraded(server(), ECHO)) {
            writeInBackground(c, data).thenRun(() -> shutdownOutput(c)).get(60, TimeUnit.SECONDS);

            byte[] echoed = c.readBytes(data.length);

            assertSameBytes(echoed, data);
            assertThat(c.isClosedByPeer(Duration.ofSeconds(20))).as("end of stream after the echo").isTrue();
        }
    }

    /** Writes {@code data} on a thread of its own, so that the test thread can read meanwhile. */
    private static CompletableFuture<Void> writeInBackground(RawConnection c, byte[] data) {
        return CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = c.output();
                for (int off = 0; off < data.length; off += 64 * 1024) {
                    out.write(data, off, Math.min(64 * 1024, data.length - off));
                }
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, task -> {
            Thread t = new Thread(task, "client-writer");
            t.setDaemon(true);
            t.start();
        });
    }

    private static void shutdownOutput(RawConnection c) {
        try {
            c.shutdownOutput();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("offset of the first byte that differs").isEqualTo(-1);
    }
}
