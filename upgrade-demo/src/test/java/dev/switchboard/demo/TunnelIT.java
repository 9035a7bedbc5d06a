package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;

/** {@code /tunnel/}: upgrades reach the launcher's own backend; everything else is served here. */
class TunnelIT {

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    @Test
    @DisplayName("echo/1 under /tunnel/ is switched by the backend and echoes through the tunnel")
    void echoThroughTunnel() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            c.send("GET /tunnel/echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            c.send("through the tunnel");
            assertThat(c.readString(18)).isEqualTo("through the tunnel");
        }
    }

    @Test
    @DisplayName("a WebSocket to /tunnel/ws/echo reaches the backend's echo endpoint")
    void webSocketThroughTunnel() throws Exception {
        Sockets s = Sockets.open(demo.ws("/tunnel/ws/echo"));
        try {
            s.send("hello, backend");
            assertThat(s.nextText()).isEqualTo("hello, backend");
        } finally {
            s.socket.abort();
        }
    }

    @Test
    @DisplayName("the backend's 101 comes through with the backend's accept value")
    void backendHandshakeRelayed() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = Handshakes.send(c, "/tunnel/ws/echo", demo.httpPort(), "");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Sec-WebSocket-Accept")).containsExactly(Handshakes.ACCEPT);
        }
    }

    @Test
    @DisplayName("an origin given with --allowed-origin may open a WebSocket through the tunnel")
    void allowedOriginThroughTunnel() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = Handshakes.send(c, "/tunnel/ws/echo", demo.httpPort(),
                    "Origin: https://app.example.com\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
        }
    }

    @Test
    @DisplayName("another site's page may not open a WebSocket through the tunnel: 403, and the connection closes")
    void otherOriginRefusedAtTheTunnel() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = Handshakes.send(c, "/tunnel/ws/echo", demo.httpPort(),
                    "Origin: https://evil.example\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 403 ");
            assertThat(head.values("Connection")).containsExactly("close");
            assertThat(c.readString(Integer.parseInt(head.field("Content-Length").orElseThrow())))
                    .isEqualTo("Origin https://evil.example may not open a WebSocket through /tunnel/\n");
        }
    }

    @Test
    @DisplayName("a plain GET of /tunnel/ is served by the demo itself, not forwarded")
    void plainRequestServedHere() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(demo.http("/tunnel/"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>The upgrade tunnel</h1>");
    }

    @Test
    @DisplayName("/stats counts the tunnels and the bytes they carried, as the Tunnel MBean does")
    void statsCountTunnels() throws Exception {
        echoThroughTunnel();
        JsonNode tunnel = DemoStats.read(demo).path("tunnel");
        assertThat(tunnel.path("tunnelsOpened").asLong()).isPositive();
        assertThat(tunnel.path("bytesToBackend").asLong()).isPositive();
        assertThat(tunnel.path("bytesFromBackend").asLong()).isPositive();
    }
}
