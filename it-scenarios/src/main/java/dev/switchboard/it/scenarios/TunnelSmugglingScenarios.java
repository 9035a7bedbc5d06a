package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * PRX-08 and UPG-16 on the tunnel: a request whose framing the gateway and a backend could
 * read differently is refused before any backend is contacted, and every refusal the tunnel
 * writes itself ends the connection, so that bytes the client sent after its request are
 * never parsed as a request, here or behind a proxy that tunnels early. Each test pipelines a
 * request behind the one refused and asserts that no second response comes. Deploy
 * {@code ProxyDeployments.gateway(name, Map.of())}.
 */
public abstract class TunnelSmugglingScenarios {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Duration NO_CONNECTION_WAIT = Duration.ofMillis(300);

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

    /** The chunked body of the reported attack: an empty body, then a request meant for the backend. */
    private String smuggling() {
        return "0\r\n\r\n" + Requests.get(server(), "secure/");
    }

    private String tunnelPost(String... framing) {
        ServerUnderTest s = server();
        String[] fields = new String[framing.length + 2];
        fields[0] = "Upgrade: echo/1";
        fields[1] = "Connection: upgrade";
        System.arraycopy(framing, 0, fields, 2, framing.length);
        return Requests.head("POST", s.path("raw/x"), "HTTP/1.1", s.host(), fields);
    }

    /** The response is the last thing on the connection: it says so, and the connection ends. */
    private static void assertClosesAfter(RawConnection client, RawConnection.Response r) throws IOException {
        assertThat(r.head().values("Connection")).as(r.head().raw()).containsExactly("close");
        assertThat(client.isClosedByPeer(CLOSE_WAIT)).as("connection closed, no second response").isTrue();
    }

    @Test
    @DisplayName("PRX-08 an upgrade request with Transfer-Encoding gets 400, the connection closes and no backend is contacted")
    void refusesTransferEncoding() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(tunnelPost("Transfer-Encoding: chunked") + smuggling());
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
            assertThat(r.bodyText()).isEqualTo(
                    "Upgrade request with Transfer-Encoding refused: send its content with Content-Length\n");
            assertClosesAfter(client, r);
        }
        assertThat(backend.connectionArrives(NO_CONNECTION_WAIT)).isFalse();
    }

    @Test
    @DisplayName("PRX-08 an upgrade request with Content-Length and Transfer-Encoding gets 400, the connection closes "
            + "and no backend is contacted")
    void refusesContentLengthWithTransferEncoding() throws IOException {
        ServerUnderTest s = server();
        String body = smuggling();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(tunnelPost("Content-Length: " + body.length(), "Transfer-Encoding: chunked") + body);
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
            if (!s.container().refusesContentLengthWithTransferEncoding()) {
                assertThat(r.bodyText()).isEqualTo(
                        "Upgrade request with Transfer-Encoding refused: send its content with Content-Length\n");
            }
            assertClosesAfter(client, r);
        }
        assertThat(backend.connectionArrives(NO_CONNECTION_WAIT)).isFalse();
    }

    @Test
    @DisplayName("UPG-16 the tunnel's 400 for a path not in normal form closes the connection; the request behind it "
            + "is never served")
    void badPathClosesTheConnection() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/../raw/x", "echo/1") + Requests.get(s, "after"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(400));
            assertThat(r.bodyText()).isEqualTo("Request path is not in normal form: /raw/../raw/x\n");
            assertClosesAfter(client, r);
        }
        assertThat(backend.connectionArrives(NO_CONNECTION_WAIT)).isFalse();
    }

    @Test
    @DisplayName("UPG-16 a refused CONNECT closes the connection; the request behind it is never served")
    void refusedConnectClosesTheConnection() throws IOException {
        ServerUnderTest s = server();
        String target = "127.0.0.1:" + ProxyBackends.TOMCAT_PORT;
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n" + Requests.get(s, "after"));
            RawConnection.Response r = client.readResponse();
            // Tomcat answers CONNECT itself (501) before any filter runs; where CONNECT is
            // delivered, the tunnel refuses it with 403.
            if (s.container().deliversConnect()) {
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(403));
                assertThat(r.bodyText()).isEqualTo("CONNECT to " + target + " is not allowed\n");
            } else {
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(501));
            }
            assertClosesAfter(client, r);
        }
        assertThat(backend.connectionArrives(NO_CONNECTION_WAIT)).isFalse();
    }
}
