package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.nio.LoopBound;
import dev.switchboard.servlet.nio.Reactor;

/**
 * A tunnel whose client connection runs on a loop of Switchboard's own has its backend on that
 * loop too: both sockets served by one thread, with no hand-off between them.
 */
class SharedLoopTest {

    private static final String CLIENT_LOOP = "client-loop";
    private static final String RELAY_LOOP = "relay-loop";

    private final Reactor clientLoop = new Reactor(CLIENT_LOOP, null);
    private final Reactor relay = new Reactor(RELAY_LOOP, null);
    private final AtomicBoolean relayAsked = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private ServerSocket backend;
    private SocketChannel channel;
    private Socket peer;

    @BeforeEach
    void connect() throws IOException {
        backend = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), backend.getLocalPort()));
        peer = backend.accept();
    }

    @AfterEach
    void close() throws IOException {
        clientLoop.close();
        relay.close();
        scheduler.shutdownNow();
        peer.close();
        channel.close();
        backend.close();
    }

    @Test
    void aClientOnALoopOfItsOwnHasItsBackendOnThatLoop() {
        UpgradedConnection client = client(clientLoop, new LinkedBlockingQueue<>());

        assertThat(Switchover.loopFor(client, this::relay)).isSameAs(clientLoop);
        assertThat(relayAsked).as("the relay loop was not even asked for").isFalse();
    }

    @Test
    void aClientOnTheContainersThreadsHasItsBackendOnTheRelayLoop() {
        UpgradedConnection client = client(null, new LinkedBlockingQueue<>());

        assertThat(Switchover.loopFor(client, this::relay)).isSameAs(relay);
    }

    @Test
    void bytesFromTheBackendAreReadAndWrittenToTheClientOnTheClientsLoopThread() throws Exception {
        BlockingQueue<String> writes = new LinkedBlockingQueue<>();
        BackendLink link = link(client(clientLoop, writes));
        link.start();

        peer.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));

        assertThat(writes.poll(10, TimeUnit.SECONDS)).isEqualTo("pong on " + CLIENT_LOOP);
        assertThat(threadAlive(RELAY_LOOP)).as("no relay thread was started").isFalse();
    }

    /** Read and written on one loop, the bytes need no copy through a direct buffer of the JDK's. */
    @Test
    void bytesFromTheBackendReachAClientOnTheSameLoopInADirectBufferAndOtherwiseInAHeapOne() throws Exception {
        BlockingQueue<Boolean> direct = new LinkedBlockingQueue<>();
        link(client(clientLoop, new LinkedBlockingQueue<>(), direct)).start();
        peer.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
        assertThat(direct.poll(10, TimeUnit.SECONDS)).as("client on the backend's loop").isTrue();

        // A client on the container's threads may end in a stream's byte[]: a heap buffer then.
        try (SocketChannel other = SocketChannel.open(backend.getLocalSocketAddress());
                Socket otherPeer = backend.accept()) {
            UpgradedConnection client = client(null, new LinkedBlockingQueue<>(), direct);
            PlainTransport transport = new PlainTransport(other);
            transport.configureNonBlocking();
            new BackendLink(new LinkLoop(() -> Switchover.loopFor(client, this::relay)), transport, client,
                    new TunnelStatistics("/t"), scheduler, Duration.ofMinutes(1), 1024, 4096, () -> { }).start();
            otherPeer.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
            assertThat(direct.poll(10, TimeUnit.SECONDS)).as("client on the relay loop").isFalse();
        }
    }

    @Test
    void bytesFromTheClientOnItsLoopThreadAreWrittenToTheBackendWithinTheCall() throws Exception {
        BackendLink link = link(client(clientLoop, new LinkedBlockingQueue<>()));
        link.start();
        CompletableFuture<Integer> availableRightAfter = new CompletableFuture<>();

        clientLoop.execute(() -> {
            link.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            try {
                // Still on the loop thread, nothing else has run: the backend has the bytes already.
                peer.setSoTimeout(10_000);
                byte[] b = peer.getInputStream().readNBytes(4);
                availableRightAfter.complete(b.length);
            } catch (IOException e) {
                availableRightAfter.completeExceptionally(e);
            }
        });

        assertThat(availableRightAfter.get(20, TimeUnit.SECONDS)).isEqualTo(4);
    }

    private Reactor relay() {
        relayAsked.set(true);
        return relay;
    }

    private BackendLink link(UpgradedConnection client) throws IOException {
        PlainTransport transport = new PlainTransport(channel);
        transport.configureNonBlocking();
        return new BackendLink(new LinkLoop(() -> Switchover.loopFor(client, this::relay)), transport, client,
                new TunnelStatistics("/t"), scheduler, Duration.ofMinutes(1), 1024, 4096, () -> { });
    }

    /**
     * A client connection that records what is written to it with the thread that wrote it, and
     * reports {@code loop} as the reactor it runs on (none if null).
     */
    private static UpgradedConnection client(Reactor loop, BlockingQueue<String> writes) {
        return client(loop, writes, new LinkedBlockingQueue<>());
    }

    /** As above, recording too whether each write came in a direct buffer. */
    private static UpgradedConnection client(Reactor loop, BlockingQueue<String> writes, BlockingQueue<Boolean> direct) {
        return (UpgradedConnection) Proxy.newProxyInstance(SharedLoopTest.class.getClassLoader(),
                new Class<?>[] {UpgradedConnection.class, LoopBound.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "loop":
                            return loop;
                        case "write":
                            ByteBuffer data = (ByteBuffer) args[0];
                            direct.add(data.isDirect());
                            byte[] b = new byte[data.remaining()];
                            data.get(b);
                            writes.add(new String(b, StandardCharsets.US_ASCII) + " on " + Thread.currentThread().getName());
                            return true;
                        case "close", "abort":
                            return null;
                        case "toString":
                            return "recording client";
                        default:
                            throw new AssertionError("the link called its client: " + method.getName());
                    }
                });
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }
}
