package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;

/**
 * Session limits, each ending a session with a close code that says why: at most two open
 * sessions on the limited endpoints (a third handshake gets 503 before the switch), messages up
 * to 1 KiB there (a larger one closes with 1009), and a one-second idle timeout on
 * {@code /p/idle} (closed with 1001). Without a policy of their own, endpoints take the
 * documented default of 8 KiB per whole message, both those Switchboard admits and those with the
 * container's configurator ({@link MessageSizes}). Deploy {@code WebSocketDeployments.app(...)}
 * without {@code switchboard.websocket.maxMessageSize}.
 */
public abstract class WebSocketSessionScenarios {

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    /** Opens a session and proves it is open, so that the endpoint has admitted it. */
    private RawConnection open(String path) throws Exception {
        RawConnection c = RawConnection.open(server().base());
        c.send(WebSocketRequest.to(server(), path).text());
        assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
        c.send(WebSocketFrames.text("hello"));
        assertThat(WebSocketFrames.read(c.input()).text()).isEqualTo("hello");
        return c;
    }

    private static void closeNormally(RawConnection c) throws Exception {
        c.send(WebSocketFrames.close(1000, "bye"));
        assertThat(WebSocketFrames.read(c.input()).opcode()).isEqualTo(WebSocketFrames.CLOSE);
        c.close();
    }

    private RawConnection.Response handshake(String path) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(WebSocketRequest.to(server(), path).text());
            return c.readResponse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a limited endpoint with two open sessions refuses a third handshake with 503 before the switch")
    @ValueSource(strings = {"p/limited", "a/limited"})
    void maxSessions(String path) throws Exception {
        List<RawConnection> sessions = new ArrayList<>();
        try {
            sessions.add(open(path));
            sessions.add(open(path));
            RawConnection.Response third = handshake(path);
            assertThat(third.head().statusLine()).isEqualTo(server().container().statusLine(503));
            assertThat(third.bodyText()).isEqualTo("This endpoint has its limit of 2 open sessions\n");
        } finally {
            for (RawConnection c : sessions) {
                closeNormally(c);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a limited endpoint admits a new session once an open one has closed")
    @ValueSource(strings = {"p/limited", "a/limited"})
    void closedSessionsFreeTheirPlace(String path) throws Exception {
        RawConnection first = open(path);
        RawConnection second = open(path);
        closeNormally(first);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> handshake(path).status() == 101);
        closeNormally(second);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a session is closed with 1009 when a message is over its 1 KiB limit")
    @ValueSource(strings = {"p/limited", "a/limited"})
    void messageTooBig(String path) throws Exception {
        try (RawConnection c = open(path)) {
            c.send(WebSocketFrames.text("x".repeat(1024)));
            assertThat(WebSocketFrames.read(c.input()).text()).hasSize(1024);
            c.send(WebSocketFrames.text("x".repeat(2048)));
            WebSocketFrames.Frame close = WebSocketFrames.read(c.input());
            assertThat(close.opcode()).isEqualTo(WebSocketFrames.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    @DisplayName("a session idle for longer than its idle timeout is closed with 1001")
    void idleTimeout() throws Exception {
        try (RawConnection c = open("p/idle")) {
            c.timeout(Duration.ofSeconds(60));
            WebSocketFrames.Frame close = WebSocketFrames.read(c.input());
            assertThat(close.opcode()).isEqualTo(WebSocketFrames.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1001);
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a text message of exactly the default 8 KiB limit comes back whole")
    @ValueSource(strings = {"p/defaults", "a/container"})
    void textAtTheDefaultLimit(String path) throws Exception {
        MessageSizes.textEchoed(server(), path, MessageSizes.DOCUMENTED_DEFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a text message one byte over the default 8 KiB limit closes the session with 1009")
    @ValueSource(strings = {"p/defaults", "a/container"})
    void textOverTheDefaultLimit(String path) throws Exception {
        MessageSizes.textRefused(server(), path, MessageSizes.DOCUMENTED_DEFAULT + 1);
    }

    @Test
    @DisplayName("a binary message of exactly the default 8 KiB limit comes back whole")
    void binaryAtTheDefaultLimit() throws Exception {
        MessageSizes.binaryEchoed(server(), "p/defaults", MessageSizes.DOCUMENTED_DEFAULT);
    }

    @Test
    @DisplayName("a binary message one byte over the default 8 KiB limit closes the session with 1009")
    void binaryOverTheDefaultLimit() throws Exception {
        MessageSizes.binaryRefused(server(), "p/defaults", MessageSizes.DOCUMENTED_DEFAULT + 1);
    }
}
