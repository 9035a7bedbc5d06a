package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.WebSocketFrames;

/** {@code /ws/chat}: the handshake on the wire, the policy, and chat between sessions. */
class ChatEndpointIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    private ResponseHead handshake(RawConnection c, String fields) throws IOException {
        return Handshakes.send(c, "/ws/chat", demo.httpPort(), fields);
    }

    @Test
    @DisplayName("offered chat.v1 then chat.v2, the 101 names chat.v2: the server's preference wins")
    void serverPreferenceChoosesV2() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = handshake(c, "Sec-WebSocket-Protocol: chat.v1, chat.v2\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("websocket");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            assertThat(head.values("Sec-WebSocket-Accept")).containsExactly(Handshakes.ACCEPT);
            assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("chat.v2");
            assertThat(head.has("Sec-WebSocket-Extensions")).isFalse();
        }
    }

    @Test
    @DisplayName("a client that offers only chat.v1 gets chat.v1")
    void v1Alone() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = handshake(c, "Sec-WebSocket-Protocol: chat.v1\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("chat.v1");
        }
    }

    @Test
    @DisplayName("permessage-deflate offered by the client is accepted")
    void permessageDeflateAccepted() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = handshake(c, "Sec-WebSocket-Protocol: chat.v2\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Sec-WebSocket-Extensions")).containsExactly("permessage-deflate");
        }
    }

    @Test
    @DisplayName("a handshake that offers no chat subprotocol gets 400, not a session")
    void noChatSubprotocolGets400() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send(Handshakes.request("/ws/chat", demo.httpPort(),
                    "Sec-WebSocket-Protocol: chat.v3\r\n")).readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 400 ");
            assertThat(r.head().has("Sec-WebSocket-Accept")).isFalse();
            assertThat(r.bodyText()).contains("chat.v3").contains("chat.v2");
        }
    }

    @Test
    @DisplayName("a page of another origin gets 403")
    void foreignOriginGets403() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            RawConnection.Response r = c.send(Handshakes.request("/ws/chat", demo.httpPort(),
                    "Sec-WebSocket-Protocol: chat.v2\r\nOrigin: https://evil.example\r\n")).readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 403 ");
            assertThat(r.bodyText()).contains("https://evil.example");
        }
    }

    @Test
    @DisplayName("the page's own origin may open the chat")
    void sameOriginAllowed() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = handshake(c, "Sec-WebSocket-Protocol: chat.v2\r\nOrigin: http://127.0.0.1:"
                    + demo.httpPort() + "\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
        }
    }

    @Test
    @DisplayName("an origin given with --allowed-origin may open the chat")
    void allowedOriginAllowed() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = handshake(c, "Sec-WebSocket-Protocol: chat.v2\r\nOrigin: https://app.example.com\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
        }
    }

    @Test
    @DisplayName("chat.v1 on the wire: a welcome line, then a masked text frame comes back as 'name: text'")
    void v1OnTheWire() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            assertThat(handshake(c, "Sec-WebSocket-Protocol: chat.v1\r\n").status()).isEqualTo(101);
            WebSocketFrames.Frame welcome = WebSocketFrames.read(c.input());
            assertThat(welcome.opcode()).isEqualTo(WebSocketFrames.TEXT);
            assertThat(welcome.text()).matches("\\* you are (guest-\\d+) \\(\\d+ here\\)");
            String me = welcome.text().replaceAll("\\* you are (guest-\\d+) .*", "$1");
            c.send(WebSocketFrames.text("hello over the wire"));
            WebSocketFrames.Frame said = WebSocketFrames.read(c.input());
            while (said.text().startsWith("* ")) { // presence of other tests' members
                said = WebSocketFrames.read(c.input());
            }
            assertThat(said.fin()).isTrue();
            assertThat(said.text()).isEqualTo(me + ": hello over the wire");
        }
    }

    @Test
    @DisplayName("a message from one chat.v2 session reaches another, with the sender's chosen name")
    void messageReachesOtherSession() throws Exception {
        Sockets ada = Sockets.open(demo.ws("/ws/chat"), "chat.v2", "chat.v1");
        Sockets bob = Sockets.open(demo.ws("/ws/chat"), "chat.v2", "chat.v1");
        try {
            assertThat(ada.socket.getSubprotocol()).isEqualTo("chat.v2");
            assertThat(JSON.readTree(ada.nextText()).path("type").asText()).isEqualTo("welcome");
            ada.send("{\"name\": \"Ada\", \"text\": \"hello, Bob\"}");
            JsonNode message = JSON.readTree(bob.nextTextContaining("hello, Bob"));
            assertThat(message.path("type").asText()).isEqualTo("message");
            assertThat(message.path("from").asText()).isEqualTo("Ada");
            assertThat(message.path("text").asText()).isEqualTo("hello, Bob");
            assertThat(message.path("id").asLong()).isPositive();
        } finally {
            ada.socket.abort();
            bob.socket.abort();
        }
    }

    @Test
    @DisplayName("a chat.v1 member gets a chat.v2 member's message as a line of text")
    void v1MemberGetsLine() throws Exception {
        Sockets v2 = Sockets.open(demo.ws("/ws/chat"), "chat.v2");
        Sockets v1 = Sockets.open(demo.ws("/ws/chat"), "chat.v1");
        try {
            assertThat(v1.socket.getSubprotocol()).isEqualTo("chat.v1");
            v2.send("{\"name\": \"Vera\", \"text\": \"one room, two formats\"}");
            assertThat(v1.nextTextContaining("one room, two formats")).isEqualTo("Vera: one room, two formats");
        } finally {
            v2.socket.abort();
            v1.socket.abort();
        }
    }

    @Test
    @DisplayName("a malformed chat.v2 message is refused to its sender alone, and the session stays open")
    void malformedMessageRefused() throws Exception {
        Sockets s = Sockets.open(demo.ws("/ws/chat"), "chat.v2");
        try {
            s.send("not json");
            JsonNode error = JSON.readTree(s.nextTextContaining("\"error\""));
            assertThat(error.path("reason").asText()).contains("JSON");
            s.send("{\"text\": \"still here\"}");
            assertThat(JSON.readTree(s.nextTextContaining("still here")).path("type").asText()).isEqualTo("message");
        } finally {
            s.socket.abort();
        }
    }

    @Test
    @DisplayName("/stats counts the chat's sessions and messages")
    void statsCountChat() throws Exception {
        Sockets s = Sockets.open(demo.ws("/ws/chat"), "chat.v2");
        try {
            s.send("{\"text\": \"counted\"}");
            s.nextTextContaining("counted");
            JsonNode chat = DemoStats.read(demo).path("chat");
            assertThat(chat.path("members").asInt()).isPositive();
            assertThat(chat.path("messagesReceived").asLong()).isPositive();
        } finally {
            s.socket.abort();
        }
    }
}
