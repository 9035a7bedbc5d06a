package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.it.ProtocolCounters;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;

/**
 * The opening handshake of RFC 6455 section 4.2 on the wire (WS-01..WS-08, WS-12), for a
 * programmatic endpoint ({@code /p/echo}) and its annotated twin ({@code /a/echo}), which must
 * answer with the same bytes. Deploy {@code WebSocketDeployments.app(...)}.
 */
public abstract class WebSocketHandshakeScenarios {

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    private RawConnection.Response exchange(WebSocketRequest request) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(request.text());
            return c.readResponse();
        }
    }

    private WebSocketRequest handshake(String path) {
        return WebSocketRequest.to(server(), path);
    }

    /** The head without {@code Date}, which is the only field that may differ between two answers. */
    static String withoutDate(ResponseHead head) {
        StringBuilder out = new StringBuilder(head.statusLine()).append("\r\n");
        for (Map.Entry<String, String> f : head.fields()) {
            if (!f.getKey().equalsIgnoreCase("Date")) {
                out.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-12 the 101 carries Upgrade: websocket and Connection: upgrade")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void switchingProtocolsHead(String path) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(handshake(path).text());
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("websocket");
            assertThat(head.values("Connection")).containsExactly(server().container().webSocketConnection());
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-08 the 101 carries the Sec-WebSocket-Accept of RFC 6455's sample key")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void acceptValue(String path) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(handshake(path).text());
            ResponseHead head = c.readHead();
            assertThat(head.values("Sec-WebSocket-Accept")).containsExactly(WebSocketRequest.ACCEPT);
            assertThat(head.has("Sec-WebSocket-Protocol")).as("no subprotocol offered").isFalse();
            assertThat(head.has("Sec-WebSocket-Extensions")).as("no extension offered").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-08 after the 101, a masked text frame comes back as an unmasked one")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void speaksWebSocketAfterTheSwitch(String path) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(handshake(path).text());
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send(WebSocketFrames.text("ping"));
            WebSocketFrames.Frame echo = WebSocketFrames.read(c.input());
            assertThat(echo.opcode()).isEqualTo(WebSocketFrames.TEXT);
            assertThat(echo.text()).isEqualTo("ping");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void aHandshakeIsCountedAsAnUpgradeInJmx(String path) throws Exception {
        ProtocolCounters counters = ProtocolCounters.of(server(), "websocket");
        long before = counters.upgrades();
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(handshake(path).text());
            assertThat(c.readHead().status()).isEqualTo(101);
        }
        // Jetty writes the 101 from inside the chain, before the filter returns and counts it.
        await("the upgrade to be counted").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(counters.upgrades()).isEqualTo(before + 1));
    }

    @Test
    @DisplayName("WS-12 an annotated endpoint's 101 is byte for byte that of a programmatic one, Date aside")
    void bothPathsWriteTheSameHead() throws Exception {
        WebSocketRequest p = handshake("p/echo").field("Origin", "https://allowed.example")
                .field("Sec-WebSocket-Protocol", "chat.v1, chat.v2")
                .field("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        WebSocketRequest a = handshake("a/echo").field("Origin", "https://allowed.example")
                .field("Sec-WebSocket-Protocol", "chat.v1, chat.v2")
                .field("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        String programmatic;
        String annotated;
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(p.text());
            programmatic = withoutDate(c.readHead());
        }
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(a.text());
            annotated = withoutDate(c.readHead());
        }
        assertThat(annotated).isEqualTo(programmatic).startsWith(server().container().statusLine(101));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-06 version 8 gets 426 with Upgrade, Connection and Sec-WebSocket-Version: 13")
    @ValueSource(strings = {"p/echo", "a/echo", "a/container"})
    void otherVersionGets426(String path) throws Exception {
        RawConnection.Response r = exchange(handshake(path).set("Sec-WebSocket-Version", "8"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(426));
        assertThat(r.head().values("Upgrade")).containsExactly("websocket");
        // upgrade: the 426 names the protocol to retry with; close: on a new connection (UPG-16)
        assertThat(r.head().values("Connection")).containsExactly("upgrade, close");
        assertThat(r.head().values("Sec-WebSocket-Version")).containsExactly("13");
        assertThat(r.bodyText()).isEqualTo("WebSocket version 8 is not supported; this server speaks version 13\n");
    }

    private void assertRefused(RawConnection.Response r, int status, String reason) {
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(status));
        assertThat(r.head().values("Content-Type")).containsExactly(server().container().contentType("text/plain;charset=UTF-8"));
        assertThat(r.bodyText()).isEqualTo(reason + "\n");
    }

    @Test
    @DisplayName("WS-01 a POST with WebSocket fields gets 400 and is not upgraded")
    void postIsRefused() throws Exception {
        assertRefused(exchange(handshake("p/echo").method("POST")), 400,
                "A WebSocket handshake is a GET request (RFC 6455 section 4.1), not POST");
    }

    @Test
    @DisplayName("WS-01 a POST with content and WebSocket fields gets 400 and is not upgraded")
    void postWithContentIsRefused() throws Exception {
        assertRefused(exchange(handshake("p/echo").method("POST").content("hello")), 400,
                "A WebSocket handshake carries no content");
    }

    @Test
    @DisplayName("WS-01 a handshake over HTTP/1.0 gets 400 and is not upgraded")
    void http10IsRefused() throws Exception {
        assertRefused(exchange(handshake("p/echo").version("HTTP/1.0")), 400,
                "A WebSocket handshake needs HTTP/1.1 or later (RFC 6455 section 4.1), not HTTP/1.0");
    }

    @Test
    @DisplayName("WS-02 a handshake without Host gets 400 from the container and is not upgraded")
    void missingHostIsRefused() throws Exception {
        RawConnection.Response r = exchange(handshake("p/echo").without("Host"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
    }

    @Test
    @DisplayName("WS-02 a handshake with two Host fields gets 400 and is not upgraded")
    void twoHostsAreRefused() throws Exception {
        RawConnection.Response r = exchange(handshake("p/echo").field("Host", "other.example"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
    }

    @Test
    @DisplayName("WS-03 Upgrade: WebSocket in another case is a WebSocket handshake")
    void upgradeTokenIsCaseInsensitive() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(handshake("p/echo").set("Upgrade", "WebSocket").text());
            assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
        }
    }

    @Test
    @DisplayName("WS-03 Upgrade without the websocket token is not a WebSocket handshake: served as an ordinary request")
    void otherUpgradeTokenIsNotAHandshake() throws Exception {
        RawConnection.Response r = exchange(handshake("p/echo").set("Upgrade", "websocket/13"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(r.bodyText()).contains("path: " + server().path("p/echo") + "\n");
    }

    @Test
    @DisplayName("WS-04 Connection: keep-alive without upgrade gets 400 and is not upgraded")
    void keepAliveOnlyIsRefused() throws Exception {
        RawConnection.Response r = exchange(handshake("p/echo").set("Connection", "keep-alive"));
        if (server().container().refusesUpgradeWithoutConnectionOption()) {
            // The container's own 400, before any filter runs.
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
            return;
        }
        assertRefused(r, 400, "Connection does not list the upgrade option (RFC 6455 section 4.2.1 item 4)");
    }

    @Test
    @DisplayName("WS-04 the upgrade option is found in any case, among others, over several Connection lines")
    void upgradeOptionAmongOthers() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(handshake("p/echo").set("Connection", "keep-alive").field("Connection", "UPGRADE").text());
            assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
        }
    }

    @Test
    @DisplayName("WS-05 a handshake without Sec-WebSocket-Key gets 400")
    void missingKeyIsRefused() throws Exception {
        assertRefused(exchange(handshake("p/echo").without("Sec-WebSocket-Key")), 400,
                "Invalid Sec-WebSocket-Key field: the field is missing");
    }

    @Test
    @DisplayName("WS-05 a key that decodes to 15 bytes gets 400")
    void shortKeyIsRefused() throws Exception {
        assertRefused(exchange(handshake("p/echo").set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25j")), 400,
                "Invalid Sec-WebSocket-Key field: expected 24 base64 characters but was 20 (\"dGhlIHNhbXBsZSBub25j\")");
    }

    @Test
    @DisplayName("WS-05 two Sec-WebSocket-Key fields get 400")
    void twoKeysAreRefused() throws Exception {
        assertRefused(exchange(handshake("p/echo").field("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==")), 400,
                "Invalid Sec-WebSocket-Key field: expected one field line but was 2");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-07 a broken handshake gets the same refusal from an annotated and a programmatic endpoint")
    @ValueSource(strings = {"version 8", "no key", "method POST", "a cross-site origin", "a bad extension"})
    void bothPathsRefuseAlike(String defect) throws Exception {
        String programmatic = refusal(defective(handshake("p/echo"), defect));
        String annotated = refusal(defective(handshake("a/echo"), defect));
        assertThat(annotated).isEqualTo(programmatic);
        assertThat(programmatic).doesNotStartWith(server().container().statusLine(101));
    }

    private static WebSocketRequest defective(WebSocketRequest r, String defect) {
        return switch (defect) {
            case "version 8" -> r.set("Sec-WebSocket-Version", "8");
            case "no key" -> r.without("Sec-WebSocket-Key");
            case "method POST" -> r.method("POST");
            case "a cross-site origin" -> r.field("Origin", "https://evil.example");
            case "a bad extension" -> r.field("Sec-WebSocket-Extensions", "permessage-deflate; x=\"a b\"");
            default -> throw new IllegalArgumentException(defect);
        };
    }

    private String refusal(WebSocketRequest request) throws Exception {
        RawConnection.Response r = exchange(request);
        return withoutDate(r.head()) + "\r\n" + r.bodyText();
    }
}
