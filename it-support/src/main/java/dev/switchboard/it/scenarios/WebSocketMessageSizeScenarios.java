package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.it.RawConnection;
import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.WebSocketFrames;
import dev.switchboard.it.WebSocketRequest;

/**
 * The application-wide whole-message limit ({@code switchboard.websocket.maxMessageSize}) on
 * both paths into a session: {@code /p/defaults}, a programmatic endpoint that Switchboard
 * admits, and {@code /a/container}, an annotated endpoint with the container's own configurator,
 * which Switchboard never admits and which is bounded only by the container's default that
 * Switchboard sets. A message of exactly the limit comes back whole; one byte more closes the
 * session with 1009 (message too big). Raw frames, so that the limit measured is the server's.
 * Deploy {@code WebSocketDeployments.app(...)}; a deployment that sets the parameter overrides
 * {@link #limit()}.
 */
public abstract class WebSocketMessageSizeScenarios {

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    /** The default of {@code maxMessageSize}, as the README documents it. */
    protected static final int DOCUMENTED_DEFAULT = 8 * 1024;

    /** The deployment's application-wide limit: unless it sets one, the documented default. */
    protected int limit() {
        return DOCUMENTED_DEFAULT;
    }

    private RawConnection open(String path) throws Exception {
        RawConnection c = RawConnection.open(server().base());
        c.send(WebSocketRequest.to(server(), path).text());
        assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
        return c;
    }

    private static void assertClosedAsTooBig(RawConnection c) throws Exception {
        WebSocketFrames.Frame close = WebSocketFrames.read(c.input());
        assertThat(close.opcode()).isEqualTo(WebSocketFrames.CLOSE);
        assertThat(close.closeCode()).isEqualTo(1009);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a text message of exactly the application's limit comes back whole")
    @ValueSource(strings = {"p/defaults", "a/container"})
    void textAtTheLimit(String path) throws Exception {
        String text = "x".repeat(limit());
        try (RawConnection c = open(path)) {
            c.send(WebSocketFrames.text(text));
            WebSocketFrames.Frame echo = WebSocketFrames.readMessage(c.input());
            assertThat(echo.opcode()).isEqualTo(WebSocketFrames.TEXT);
            assertThat(echo.text()).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a text message one byte over the application's limit closes the session with 1009")
    @ValueSource(strings = {"p/defaults", "a/container"})
    void textOverTheLimit(String path) throws Exception {
        try (RawConnection c = open(path)) {
            c.send(WebSocketFrames.text("x".repeat(limit() + 1)));
            assertClosedAsTooBig(c);
        }
    }

    @Test
    @DisplayName("a binary message of exactly the application's limit comes back whole")
    void binaryAtTheLimit() throws Exception {
        byte[] data = new byte[limit()];
        Arrays.fill(data, (byte) 0xa5);
        try (RawConnection c = open("p/defaults")) {
            c.send(WebSocketFrames.binary(data));
            WebSocketFrames.Frame echo = WebSocketFrames.readMessage(c.input());
            assertThat(echo.opcode()).isEqualTo(WebSocketFrames.BINARY);
            assertThat(echo.payload()).isEqualTo(data);
        }
    }

    @Test
    @DisplayName("a binary message one byte over the application's limit closes the session with 1009")
    void binaryOverTheLimit() throws Exception {
        try (RawConnection c = open("p/defaults")) {
            c.send(WebSocketFrames.binary(new byte[limit() + 1]));
            assertClosedAsTooBig(c);
        }
    }
}
