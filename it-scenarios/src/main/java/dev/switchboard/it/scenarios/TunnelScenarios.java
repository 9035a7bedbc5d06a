package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * What the tunnel sends to the backend and how it relays a 101 (PRX-01, PRX-02, PRX-07), on
 * the wire at both ends: a raw client in front of the gateway and a {@link ScriptedBackend}
 * behind it. Deploy {@code ProxyDeployments.gateway(name, Map.of())}, which trusts
 * {@link ForwardingRows#TRUSTED_PROXY} as a proxy.
 */
public abstract class TunnelScenarios {

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

    private String forwardedFields() {
        ServerUnderTest s = server();
        return "Forwarded: for=127.0.0.1;host=\"" + s.host() + "\";proto=http\r\n"
                + "X-Forwarded-For: 127.0.0.1\r\n"
                + "X-Forwarded-Proto: http\r\n"
                + "X-Forwarded-Host: " + s.host() + "\r\n"
                + "X-Forwarded-Port: " + s.base().getPort() + "\r\n";
    }

    @Test
    @DisplayName("PRX-01 hop-by-hop fields are removed and the tunnel sends its own Upgrade and Connection")
    void forwardsEndToEndFieldsOnly() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.get(s, "raw/chat?room=1",
                    "Upgrade: echo/1", "Connection: upgrade, X-Hop", "X-Hop: secret", "Keep-Alive: timeout=5",
                    "Proxy-Connection: keep-alive", "TE: trailers", "Trailer: X-Checksum", "x-end: kept"));
            try (BackendPeer peer = backend.accept()) {
                assertThat(peer.readHead()).isEqualTo("GET " + s.path("raw/chat?room=1") + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + ProxyBackends.RAW_PORT + "\r\n"
                        + "x-end: kept\r\n" // lower case: Tomcat 10.1 reports field names lower-cased
                        + "Upgrade: echo/1\r\n"
                        + "Connection: upgrade\r\n"
                        + forwardedFields()
                        + "Via: 1.1 switchboard\r\n"
                        + "\r\n");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("PRX-01 a hop-by-hop field is never forwarded")
    @CsvSource(delimiter = '|', textBlock = """
            PRX-01 Connection names X-Hop                 | Connection: upgrade, X-Hop | X-Hop: secret
            PRX-01 Keep-Alive                             | Connection: upgrade        | Keep-Alive: timeout=5
            PRX-01 Proxy-Connection                       | Connection: upgrade        | Proxy-Connection: keep-alive
            PRX-01 TE                                     | Connection: upgrade        | TE: trailers
            PRX-01 Trailer                                | Connection: upgrade        | Trailer: X-Checksum
            PRX-01 Connection names it in another case    | Connection: Upgrade, x-hop | X-HOP: secret
            """)
    void dropsHopByHopField(String label, String connection, String field) throws IOException {
        ServerUnderTest s = server();
        String name = field.substring(0, field.indexOf(':'));
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.get(s, "raw/x", "Upgrade: echo/1", connection, field));
            try (BackendPeer peer = backend.accept()) {
                String head = peer.readHead().toLowerCase(java.util.Locale.ROOT);
                assertThat(head).doesNotContain("\r\n" + name.toLowerCase(java.util.Locale.ROOT) + ":");
                assertThat(head).contains("\r\nconnection: upgrade\r\n");
            }
        }
    }

    @Test
    @DisplayName("PRX-01 the client's offer is forwarded as the next hop's Upgrade, normalised")
    void forwardsTheOfferNormalised() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.get(s, "raw/x", "Upgrade: , foo/2 ,", "Upgrade: echo/1", "Connection: upgrade"));
            try (BackendPeer peer = backend.accept()) {
                assertThat(peer.readHead()).contains("\r\nUpgrade: foo/2, echo/1\r\nConnection: upgrade\r\n");
            }
        }
    }

    @Test
    @DisplayName("PRX-07 forwarding fields from a peer that is no trusted proxy are dropped; Via is kept and this hop appended")
    void dropsForwardingFieldsOfAnUntrustedPeer() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.get(s, "raw/x", "Upgrade: echo/1", "Connection: upgrade",
                    "Forwarded: for=192.0.2.60;proto=https", "X-Forwarded-For: 192.0.2.60",
                    "X-Forwarded-Proto: https", "Via: 1.0 edge"));
            try (BackendPeer peer = backend.accept()) {
                String head = peer.readHead();
                assertThat(head).contains("\r\n" + forwardedFields()).doesNotContain("192.0.2.60");
                assertThat(head).contains("\r\nVia: 1.0 edge, 1.1 switchboard\r\n");
                peer.send("HTTP/1.1 204 No Content\r\n\r\n");
                assertThat(client.readResponse().status()).isEqualTo(204);
            }
        }
    }

    @Test
    @DisplayName("PRX-07 a malformed Forwarded field from a trusted proxy gets 400 and reaches no backend")
    void refusesMalformedForwarded() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.openFrom(s.base(), ForwardingRows.TRUSTED_PROXY)) {
            client.send(Requests.get(s, "raw/x", "Upgrade: echo/1", "Connection: upgrade", "Forwarded: for"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
            assertThat(r.bodyText()).isEqualTo("Invalid Forwarded field: expected '=' but was end of field at offset 3\n");
        }
        assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
    }

    @ParameterizedTest(name = "PRX-07 {0}")
    @DisplayName("PRX-07 the forwarding rows that TLS-09 and WS-11 share: ignored from an untrusted peer, believed from a trusted one, 400 when malformed")
    @MethodSource("dev.switchboard.it.scenarios.ForwardingRows#rows")
    void theSharedForwardingRows(String label, String peer, String fields, ForwardingRows.Answer answer, String client)
            throws IOException {
        ServerUnderTest s = server();
        List<String> lines = new ArrayList<>(List.of("Upgrade: echo/1", "Connection: upgrade"));
        lines.addAll(ForwardingRows.lines(fields));
        try (RawConnection c = RawConnection.openFrom(s.base(), peer)) {
            c.send(Requests.get(s, "raw/x", lines.toArray(new String[0])));
            if (answer == ForwardingRows.Answer.BAD_REQUEST) {
                RawConnection.Response r = c.readResponse();
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(r.bodyText()).endsWith("\n").doesNotContain("\r");
                assertThat(r.bodyText().strip()).doesNotContain("\n").startsWith("Invalid ");
                assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
                return;
            }
            try (BackendPeer backendPeer = backend.accept()) {
                String head = backendPeer.readHead();
                if (answer == ForwardingRows.Answer.IGNORED) {
                    assertThat(head).contains("\r\n" + forwardedFields()).doesNotContain(ForwardingRows.CLIENT_HOST);
                } else {
                    String node = client.indexOf(':') >= 0 ? "\"[" + client + "]\"" : client;
                    assertThat(head).contains("\r\nForwarded: for=" + node + ";host=" + ForwardingRows.CLIENT_HOST
                            + ";proto=https\r\nX-Forwarded-For: " + client + "\r\nX-Forwarded-Proto: https\r\n"
                            + "X-Forwarded-Host: " + ForwardingRows.CLIENT_HOST + "\r\nX-Forwarded-Port: 443\r\n");
                }
                backendPeer.send("HTTP/1.1 204 No Content\r\n\r\n");
                assertThat(c.readResponse().status()).isEqualTo(204);
            }
        }
    }

    @Test
    @DisplayName("A route with a backend path replaces the prefix and keeps the query")
    void rewritesThePath() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "rewrite/a/b?x=1&y=%20", "echo/1"));
            try (BackendPeer peer = backend.accept()) {
                assertThat(peer.readHead()).startsWith("GET /base/a/b?x=1&y=%20 HTTP/1.1\r\n");
            }
        }
    }

    @Test
    @DisplayName("PRX-02 the backend's 101 is relayed with its end-to-end fields, then bytes flow both ways unchanged")
    void relaysTheSwitch() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/x", "foo/2, echo/1"));
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: Upgrade, X-Hop\r\n"
                        + "X-Hop: dropped\r\nKeep-Alive: timeout=5\r\nX-Backend: kept\r\n\r\nserver-first");
                ResponseHead head = client.readHead();
                assertThat(head.statusLine()).isEqualTo(s.container().statusLine(101));
                assertThat(head.values("Upgrade")).containsExactly("echo/1");
                assertThat(head.values("Connection")).containsExactly("upgrade");
                assertThat(head.values("X-Backend")).containsExactly("kept");
                assertThat(head.has("X-Hop")).isFalse();
                assertThat(head.has("Keep-Alive")).isFalse();
                assertThat(client.readString(12)).isEqualTo("server-first");

                byte[] all = new byte[256];
                for (int i = 0; i < all.length; i++) {
                    all[i] = (byte) i;
                }
                client.send(all);
                assertThat(peer.input().readNBytes(256)).isEqualTo(all);
                peer.send(all);
                assertThat(client.readBytes(256)).isEqualTo(all);
            }
        }
    }

    @Test
    @DisplayName("PRX-02 bytes the client sent right after its request are tunnelled once the backend has switched")
    void pipelinedBytesFollowTheSwitch() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/x", "echo/1") + "early-bytes");
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
                assertThat(client.readHead().status()).isEqualTo(101);
                assertThat(peer.readString(11)).isEqualTo("early-bytes");
            }
        }
    }

    @Test
    @DisplayName("PRX-06 CONNECT to a target that is not configured is refused and reaches no backend")
    void connectToAnUnlistedTarget() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send("CONNECT 127.0.0.1:" + ProxyBackends.TOMCAT_PORT + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + ProxyBackends.TOMCAT_PORT + "\r\n\r\n");
            RawConnection.Response r = client.readResponse();
            // Tomcat answers CONNECT itself (501) before any filter runs; where CONNECT is
            // delivered, the tunnel refuses it with 403.
            int expected = s.container().isTomcat() ? 501 : 403;
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(expected));
            if (expected == 403) {
                assertThat(r.bodyText()).isEqualTo("CONNECT to 127.0.0.1:" + ProxyBackends.TOMCAT_PORT
                        + " is not allowed\n");
            }
        }
        assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
    }

    @Test
    @DisplayName("PRX-06 CONNECT to a configured target is tunnelled only where the container delivers CONNECT")
    void connectToAListedTarget() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send("CONNECT 127.0.0.1:" + ProxyBackends.RAW_PORT + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + ProxyBackends.RAW_PORT + "\r\n\r\n");
            if (s.container().isTomcat()) {
                RawConnection.Response r = client.readResponse();
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(501));
                assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
                return;
            }
            try (BackendPeer peer = backend.accept()) {
                assertThat(client.readHead().status()).isEqualTo(200);
                client.send("through");
                assertThat(peer.readString(7)).isEqualTo("through");
                peer.send("back");
                assertThat(client.readString(4)).isEqualTo("back");
            }
        }
    }

    @Test
    @DisplayName("A request on a route without Upgrade is served by the application, not tunnelled")
    void ordinaryRequestsPassThrough() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.get(s, "raw/page"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(200));
            assertThat(r.bodyText()).contains("path: " + s.path("raw/page") + "\n");
        }
        assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
    }

    @Test
    @DisplayName("A path with dot segments gets 400 and reaches no backend")
    void refusesDotSegments() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "rewrite/../rewrite/x", "echo/1"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
            assertThat(r.bodyText()).isEqualTo("Request path is not in normal form: /rewrite/../rewrite/x\n");
        }
        assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
    }

    static Stream<Arguments> upgradesOverTheLimits() {
        return Stream.of(
                Arguments.of("an Upgrade field longer than maxUpgradeFieldLength",
                        "echo/1, " + "a".repeat(1100), "Upgrade field is 1108 characters long; the limit is 1024\n"),
                Arguments.of("an Upgrade field with more protocols than maxUpgradeProtocols",
                        String.join(", ", Collections.nCopies(17, "echo/1")),
                        "Upgrade field lists 17 protocols; the limit is 16\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upgradesOverTheLimits")
    @DisplayName("UPG-16 an Upgrade over the context's limits on a tunnel route gets the front door's 431 and reaches no backend")
    void upgradeOverTheLimitsOnARoute(String label, String offer, String reason) throws IOException {
        ServerUnderTest s = server();
        RawConnection.Response elsewhere = refusal(s, "page", offer);
        RawConnection.Response onRoute = refusal(s, "raw/x", offer);

        assertThat(onRoute.head().statusLine()).isEqualTo(s.container().statusLine(431));
        assertThat(onRoute.bodyText()).isEqualTo(reason);
        assertThat(onRoute.head().values("Connection")).containsExactly("close");
        assertThat(onRoute.head().statusLine()).isEqualTo(elsewhere.head().statusLine());
        assertThat(onRoute.bodyText()).isEqualTo(elsewhere.bodyText());
        assertThat(backend.connectionArrives(java.time.Duration.ofMillis(300))).isFalse();
    }

    private static RawConnection.Response refusal(ServerUnderTest s, String path, String offer) throws IOException {
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, path, offer));
            return client.readResponse();
        }
    }
}
