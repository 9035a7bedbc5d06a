package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * PRX-05: the connect timeout, the idle timeout and the cap on concurrent tunnels, and the
 * answers for a backend that cannot be reached. Deploy
 * {@code ProxyDeployments.gateway(name, TunnelLimitScenarios.CONTEXT_PARAMS)}.
 */
public abstract class TunnelLimitScenarios {

    /** One tunnel at most, a 1 s connect timeout and a 2 s idle timeout. */
    public static final Map<String, String> CONTEXT_PARAMS = Map.of(
            "switchboard.proxy.maxTunnels", "1",
            "switchboard.proxy.connectTimeout", "1s",
            "switchboard.proxy.idleTimeout", "2s");

    private static ScriptedBackend backend;
    private static ServerSocket blackhole;
    private static final List<Socket> queueFillers = new ArrayList<>();

    /** The gateway deployed with {@link #CONTEXT_PARAMS}. */
    protected abstract ServerUnderTest server();

    @BeforeAll
    static void startBackends() throws IOException {
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT);
        // A listener that never accepts, with its accept queue full: further SYNs go unanswered.
        blackhole = new ServerSocket();
        blackhole.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ProxyBackends.BLACKHOLE_PORT), 1);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(blackhole.getLocalSocketAddress(), 200);
                queueFillers.add(s);
            } catch (IOException e) {
                s.close();
                break; // the queue is full
            }
        }
    }

    @AfterAll
    static void stopBackends() throws IOException {
        for (Socket s : queueFillers) {
            s.close();
        }
        queueFillers.clear();
        blackhole.close();
        backend.close();
    }

    /**
     * Each test starts with the one place under the cap free. A tunnel that the previous test
     * closed from the client side holds its place while the gateway lingers to deliver what
     * the client sent; the gateway runs in this JVM, so its counters say when that is over.
     */
    @BeforeEach
    void noTunnelOpen() throws Exception {
        ObjectName tunnels = new ObjectName("dev.switchboard:type=Tunnel,context="
                + ObjectName.quote(server().base().getPath().replaceAll("/$", "")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(tunnels, "TunnelsOpen")).intValue() == 0);
    }

    private BackendPeer open(RawConnection client) throws IOException {
        client.send(Requests.upgrade(server(), "raw/x", "echo/1"));
        BackendPeer peer = backend.accept();
        peer.readHead();
        peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
        assertThat(client.readHead().status()).isEqualTo(101);
        return peer;
    }

    @Test
    @DisplayName("PRX-05 past the cap on concurrent tunnels a request gets 503 with a reason and reaches no backend")
    void capOnTunnels() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection first = RawConnection.open(s.base()); BackendPeer peer = open(first)) {
            try (RawConnection second = RawConnection.open(s.base())) {
                second.send(Requests.upgrade(s, "raw/x", "echo/1"));
                RawConnection.Response r = second.readResponse();
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(503));
                assertThat(r.bodyText()).isEqualTo("All 1 tunnels are in use; try again later\n");
            }
            assertThat(backend.connectionArrives(Duration.ofMillis(300))).isFalse();
            first.send("still open");
            assertThat(peer.readString(10)).isEqualTo("still open");
        }
    }

    @Test
    @DisplayName("UPG-16 the 503 past the cap closes the connection; the request behind it is never served")
    void capRefusalClosesTheConnection() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection first = RawConnection.open(s.base()); BackendPeer peer = open(first)) {
            try (RawConnection second = RawConnection.open(s.base())) {
                second.send(Requests.upgrade(s, "raw/x", "echo/1") + Requests.get(s, "after"));
                RawConnection.Response r = second.readResponse();
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(503));
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(second.isClosedByPeer(Duration.ofSeconds(5))).as("connection closed, no second response")
                        .isTrue();
            }
        }
    }

    @Test
    @DisplayName("PRX-05 a closed tunnel frees its place under the cap")
    void closedTunnelFreesItsPlace() throws IOException {
        ServerUnderTest s = server();
        for (int i = 0; i < 3; i++) {
            try (RawConnection client = RawConnection.open(s.base()); BackendPeer peer = open(client)) {
                peer.send("bye").shutdownOutput();
                assertThat(client.readToEnd()).hasSize(3);
                // The gateway closes the backend once the client is closed; its place is free by then.
                assertThat(peer.readUntilClosed()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("PRX-05 a tunnel idle for the idle timeout is closed at both ends")
    void idleTunnelIsClosed() throws IOException {
        try (RawConnection client = RawConnection.open(server().base()); BackendPeer peer = open(client)) {
            client.send("ping");
            assertThat(peer.readString(4)).isEqualTo("ping");
            assertThat(client.isClosedByPeer(Duration.ofSeconds(15))).isTrue();
            assertThat(peer.readUntilClosed()).isEmpty();
        }
    }

    @Test
    @DisplayName("PRX-05 a backend that does not accept within the connect timeout gets 504")
    void connectTimeout() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "blackhole/x", "echo/1"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(504));
            assertThat(r.bodyText()).isEqualTo("Backend 127.0.0.1:" + ProxyBackends.BLACKHOLE_PORT
                    + " did not accept a connection within 1000 ms\n");
        }
    }

    @Test
    @DisplayName("PRX-05 an unreachable backend gets 502 with a one-line reason")
    void unreachableBackend() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "closed/x", "echo/1"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(502));
            assertThat(r.bodyText()).startsWith("Backend 127.0.0.1:" + ProxyBackends.CLOSED_PORT + " is unreachable: ")
                    .endsWith("\n").hasLineCount(1);
        }
    }
}
