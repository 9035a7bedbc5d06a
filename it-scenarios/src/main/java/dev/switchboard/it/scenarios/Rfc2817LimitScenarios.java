package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.SocketTable;
import dev.switchboard.testing.tls.HeldTrust;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * What an RFC 2817 connection costs the server, and for how long: the loopback connection
 * into the container exists only after a completed handshake, one client address holds at
 * most {@code switchboard.tls.maxConnectionsPerClient} connections, and a client that stops
 * reading is closed after the idle timeout. The server's sockets are read from Linux's
 * tables ({@link SocketTable}). Deploy {@code TlsDeployments.tlsApp(name,
 * Rfc2817LimitScenarios.PARAMS)}.
 */
public abstract class Rfc2817LimitScenarios {

    /** Two connections per client, a 5 s idle timeout, a handshake timeout long enough to hold one half way. */
    public static final Map<String, String> PARAMS = Map.of(
            "switchboard.tls.optionalUpgrade", "/*",
            "switchboard.tls.maxConnectionsPerClient", "2",
            "switchboard.tls.idleTimeout", "5s",
            "switchboard.tls.handshakeTimeout", "20s");

    /** Longer than every timeout of the deployment, with room for a busy machine. */
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(60);

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("TLS-03 the loopback connection into the container opens only once the handshake is done, not at the 101")
    void theBridgeConnectsAfterTheHandshake() throws Exception {
        ServerUnderTest s = server();
        int port = s.base().getPort();
        Set<Integer> before = SocketTable.openConnectionsTo(port);
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            assertThat(c.readHead().status()).isEqualTo(101);
            HeldTrust trust = new HeldTrust(TestKeyStore.shared().certificate());
            SSLSocket tls = Rfc2817Client.layer(c.socket(), trust.context(), s.base().getHost(), port);
            CompletableFuture<Void> handshake = CompletableFuture.runAsync(() -> {
                try {
                    tls.startHandshake();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                assertThat(trust.awaitHeld(CLOSE_WITHIN)).as("the server's first flight arrived").isTrue();
                assertThat(SocketTable.opened(before, SocketTable.openConnectionsTo(port)))
                        .as("connections to the connector besides the client's own, half way through the handshake")
                        .containsExactly(c.socket().getLocalPort());
            } finally {
                trust.release();
            }
            handshake.get(CLOSE_WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(RawConnection.over(tls).readResponse().status()).isEqualTo(200);
            assertThat(SocketTable.opened(before, SocketTable.openConnectionsTo(port)))
                    .as("after the handshake: the client's connection and the bridge's").hasSize(2);
        }
    }

    @Test
    @DisplayName("TLS-01 a client address past maxConnectionsPerClient gets 429 and no 101, while another address is served")
    void aClientPastItsShareIsRefused() throws Exception {
        ServerUnderTest s = server();
        List<RawConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                RawConnection c = RawConnection.openFrom(s.base(), "127.0.0.4");
                held.add(c);
                c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
                assertThat(c.readHead().status()).as("upgrade " + (i + 1)).isEqualTo(101);
            }
            try (RawConnection third = RawConnection.openFrom(s.base(), "127.0.0.4")) {
                third.send(get(s, "secure/page", UPGRADE_TLS_1_2));
                RawConnection.Response r = third.readResponse();
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(429));
                assertThat(r.bodyText()).startsWith("Too many TLS upgrades are open from this address");
            }
            try (RawConnection other = RawConnection.openFrom(s.base(), "127.0.0.5")) {
                other.send(get(s, "secure/page", UPGRADE_TLS_1_2));
                assertThat(other.readHead().status()).isEqualTo(101);
            }
        } finally {
            for (RawConnection c : held) {
                c.close();
            }
        }
    }

    @Test
    @DisplayName("TLS-02 a client that stops reading with 99 pipelined requests outstanding is closed after the idle timeout, with its loopback connection")
    void aClientThatStopsReadingIsClosed() throws Exception {
        ServerUnderTest s = server();
        int port = s.base().getPort();
        Set<Integer> before = SocketTable.openConnectionsTo(port);
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "secure/first", UPGRADE_TLS_1_2))) {
            assertThat(tls.readResponse().status()).isEqualTo(200);
            int clientPort = c.socket().getLocalPort();
            Set<Integer> bridge = SocketTable.opened(before, SocketTable.openConnectionsTo(port));
            bridge.remove(clientPort);
            assertThat(bridge).as("the bridge's connection").hasSize(1);
            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < 99; i++) {
                pipeline.append(get(s, "secure/" + i + "?pad=262144", ""));
            }
            tls.send(pipeline.toString());
            // The client reads nothing more: 99 responses of 256 KiB fill every buffer on the way.
            await().atMost(CLOSE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(SocketTable.serverEndOpen(port, clientPort)).as("the server's end of the client's connection")
                        .isFalse();
                assertThat(SocketTable.openConnectionsTo(port)).as("the bridge's connection")
                        .doesNotContainAnyElementsOf(bridge);
            });
        }
    }
}
