package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * PRX-03 and PRX-04: what arrives where when one side of a tunnel closes, fails or stops
 * reading, asserted byte for byte at both ends. Deploy
 * {@code ProxyDeployments.gateway(name, Map.of())}; the gateway must run in this JVM for the
 * memory-bound test, which reads the tunnel's counters from the platform MBean server.
 */
public abstract class TunnelFaultScenarios {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static ScriptedBackend backend;

    /** The gateway with the default tunnel routes. */
    protected abstract ServerUnderTest server();

    @BeforeAll
    static void startBackend() throws IOException {
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
    }

    /** Opens a tunnel through the gateway to the scripted backend. */
    private BackendPeer open(RawConnection client) throws IOException {
        ServerUnderTest s = server();
        client.send(Requests.upgrade(s, "raw/x", "echo/1"));
        BackendPeer peer = backend.accept();
        peer.readHead();
        peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
        assertThat(client.readHead().status()).isEqualTo(101);
        return peer;
    }

    @Test
    @DisplayName("PRX-03 a backend killed mid-stream: the client gets what the backend sent, then the connection closes")
    void backendKilledMidStream() throws IOException {
        try (RawConnection client = RawConnection.open(server().base()); BackendPeer peer = open(client)) {
            peer.send("sent before dying");
            assertThat(client.readString(17)).isEqualTo("sent before dying");
            peer.kill();
            assertThat(client.isClosedByPeer(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    @DisplayName("PRX-03 a client killed mid-stream: the backend gets what the client sent, then the connection closes")
    void clientKilledMidStream() throws IOException {
        RawConnection client = RawConnection.open(server().base());
        try (BackendPeer peer = open(client)) {
            client.send("sent before dying");
            assertThat(peer.readString(17)).isEqualTo("sent before dying");
            client.socket().setSoLinger(true, 0);
            client.close();
            assertThat(peer.readUntilClosed()).isEmpty();
        }
    }

    @Test
    @DisplayName("PRX-03 a client half-close is passed on and the backend can still answer")
    void clientHalfClose() throws IOException {
        try (RawConnection client = RawConnection.open(server().base()); BackendPeer peer = open(client)) {
            client.send("question").shutdownOutput();
            assertThat(peer.readToEnd()).isEqualTo("question");
            peer.send("answer after the half-close").shutdownOutput();
            assertThat(new String(client.readToEnd(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("answer after the half-close");
        }
    }

    @Test
    @DisplayName("PRX-03 a backend half-close: the client gets everything sent, then the connection closes")
    void backendHalfClose() throws IOException {
        try (RawConnection client = RawConnection.open(server().base()); BackendPeer peer = open(client)) {
            client.send("question");
            assertThat(peer.readString(8)).isEqualTo("question");
            peer.send("last words").shutdownOutput();
            assertThat(new String(client.readToEnd(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("last words");
            assertThat(peer.readUntilClosed()).isEmpty();
        }
    }

    @Test
    @DisplayName("PRX-03 a client that closes normally: what it sent reaches the backend, then the backend is closed")
    void clientCloses() throws IOException {
        RawConnection client = RawConnection.open(server().base());
        try (BackendPeer peer = open(client)) {
            client.send("goodbye");
            client.close();
            assertThat(peer.readUntilClosed()).isEqualTo("goodbye");
        }
    }

    @Test
    @DisplayName("PRX-04 a client that stops reading stops the backend's writes; memory stays bounded and no byte is lost")
    void slowReaderSlowsTheWriter() throws Exception {
        int total = 64 << 20;
        AtomicLong written = new AtomicLong();
        try (RawConnection client = RawConnection.open(server().base()); BackendPeer peer = open(client)) {
            long fromBackendBefore = tunnelCounter("Tunnel", "BytesFromBackend");
            long sentBefore = tunnelCounter("UpgradeProtocol", "BytesSent");
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    OutputStream out = peer.output();
                    for (long off = 0; off < total; off += chunk.length) {
                        for (int i = 0; i < chunk.length; i++) {
                            chunk[i] = pattern(off + i);
                        }
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the test fails on the byte count
                }
            }, "slow-reader-backend");
            writer.setDaemon(true);
            writer.start();

            // The writer stalls well short of the total: the gateway stopped reading from it.
            long[] last = {-1};
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                long now = written.get();
                boolean stable = now == last[0] && now > 0;
                last[0] = now;
                return stable;
            });
            assertThat(written.get()).isLessThan(total / 2);
            // What the gateway holds for the client: read from the backend but not yet handed to Tomcat.
            long held = (tunnelCounter("Tunnel", "BytesFromBackend") - fromBackendBefore)
                    - (tunnelCounter("UpgradeProtocol", "BytesSent") - sentBefore);
            assertThat(held).isLessThanOrEqualTo(256 * 1024 + 16 * 1024);

            InputStream in = client.input();
            byte[] buffer = new byte[64 * 1024];
            long received = 0;
            while (received < total) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, total - received));
                assertThat(n).isPositive();
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != pattern(received + i)) {
                        throw new AssertionError("byte " + (received + i) + " differs");
                    }
                }
                received += n;
            }
            writer.join(30_000);
            assertThat(written.get()).isEqualTo(total);
        }
    }

    private static byte pattern(long offset) {
        return (byte) (offset * 31 + (offset >>> 16));
    }

    /** A counter of this gateway's tunnel from the platform MBean server. */
    private long tunnelCounter(String type, String attribute) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String context = ObjectName.quote(server().base().getPath().replaceAll("/$", ""));
        ObjectName name = new ObjectName("dev.switchboard:type=" + type + ",context=" + context
                + (type.equals("UpgradeProtocol") ? ",protocol=" + ObjectName.quote("tunnel") : ""));
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
