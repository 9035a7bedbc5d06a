package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.switchboard.boot.app.RunningApp;
import dev.switchboard.boot.app.WebSocketApplication;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Spring WebSocket endpoints under Switchboard's WebSocket policy, configured by properties alone. */
class SpringWebSocketTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(List.of(WebSocketApplication.class),
                "switchboard.websocket.origins=same-origin, https://app.example.com",
                "switchboard.websocket.endpoint.ws-echo.subprotocols=echo.v1",
                "switchboard.websocket.endpoint.ws-echo.subprotocol-required=true",
                "switchboard.websocket.endpoint.ws-limited.max-sessions=1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String handshake(String path, String origin, String protocols) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost:" + app.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + (protocols == null ? "" : "Sec-WebSocket-Protocol: " + protocols + "\r\n") + "\r\n";
    }

    private static ResponseHead send(String request) throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            return c.send(request).readHead();
        }
    }

    @Test
    @DisplayName("WS-09 a Spring endpoint's 101 names the subprotocol Switchboard's policy agreed")
    void theAgreedSubprotocolIsTheOneIn101() throws IOException {
        ResponseHead head = send(handshake("/ws/echo", "http://localhost:" + app.port(), "chat, echo.v1"));

        assertThat(head.status()).isEqualTo(101);
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("echo.v1");
        assertThat(head.values("Sec-WebSocket-Accept")).containsExactly("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    @DisplayName("WS-09 a Spring endpoint that requires a subprotocol refuses a handshake offering none of its own")
    void aRequiredSubprotocolThatIsNotOfferedGets400() throws IOException {
        assertThat(send(handshake("/ws/echo", "http://localhost:" + app.port(), "chat")).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("WS-11 a Spring endpoint refuses an origin Switchboard does not allow with 403")
    void aForeignOriginGets403() throws IOException {
        assertThat(send(handshake("/ws/echo", "https://evil.example", "echo.v1")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("WS-11 an origin Switchboard allows is not refused by Spring's own origin check")
    void anOriginSwitchboardAllowsIsAcceptedBySpring() throws IOException {
        assertThat(send(handshake("/ws/echo", "https://app.example.com", "echo.v1")).status()).isEqualTo(101);
    }

    @Test
    @DisplayName("WS-11 a STOMP endpoint refuses an origin Switchboard does not allow with 403")
    void aStompEndpointRefusesAForeignOrigin() throws IOException {
        assertThat(send(handshake("/stomp", "https://evil.example", "v12.stomp")).status()).isEqualTo(403);
    }

    @Test
    void aStompEndpointAcceptsAnAllowedOriginWithItsStompVersion() throws IOException {
        ResponseHead head = send(handshake("/stomp", "https://app.example.com", "v10.stomp, v12.stomp"));

        assertThat(head.status()).isEqualTo(101);
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("v10.stomp");
    }

    @Test
    void anEndpointAtItsLimitOfOpenSessionsRefusesTheNext() throws Exception {
        try (RawConnection first = RawConnection.open("127.0.0.1", app.port())) {
            assertThat(first.send(handshake("/ws/limited", null, null)).readHead().status()).isEqualTo(101);
            first.send(WebSocketFrames.text("open?"));
            assertThat(WebSocketFrames.read(first.input()).text()).isEqualTo("open?"); // admitted, then echoed

            assertThat(send(handshake("/ws/limited", null, null)).status()).isEqualTo(503);
        }
    }

    @Test
    void theJdkClientEchoesThroughASpringHandlerUnderTheAgreedSubprotocol() throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("echo.v1")
                .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/ws/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        ws.sendText("hello", true);

        assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(ws.getSubprotocol()).isEqualTo("echo.v1");
        ws.abort();
    }
}
