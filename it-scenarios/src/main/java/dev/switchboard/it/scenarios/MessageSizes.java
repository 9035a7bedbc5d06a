package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import dev.switchboard.testing.Container;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;

/**
 * The wire checks of the application-wide whole-message limit
 * ({@code switchboard.websocket.maxMessageSize}), with raw frames so that the limit measured is
 * the server's: a message of exactly the limit comes back whole (in one frame or in fragments),
 * one byte more closes the session with 1009 (message too big) and the container's reason.
 * Sessions open on {@code /p/defaults} (a programmatic endpoint that Switchboard admits) or
 * {@code /a/container} (an annotated endpoint with the container's own configurator, which
 * Switchboard never admits and which only the container default that Switchboard sets bounds).
 */
final class MessageSizes {

    /** The documented default of {@code maxMessageSize}. */
    static final int DOCUMENTED_DEFAULT = 8 * 1024;

    private MessageSizes() {
    }

    /** Sends a text message of {@code length} characters on a new session of {@code path}; asserts the echo. */
    static void textEchoed(ServerUnderTest server, String path, int length) throws Exception {
        String text = "x".repeat(length);
        try (RawConnection c = open(server, path)) {
            c.send(WebSocketFrames.text(text));
            WebSocketFrames.Frame echo = WebSocketFrames.readMessage(c.input());
            assertThat(echo.opcode()).isEqualTo(WebSocketFrames.TEXT);
            assertThat(echo.text()).isEqualTo(text);
        }
    }

    /** Sends a binary message of {@code length} bytes on a new session of {@code path}; asserts the echo. */
    static void binaryEchoed(ServerUnderTest server, String path, int length) throws Exception {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) 0xa5);
        try (RawConnection c = open(server, path)) {
            c.send(WebSocketFrames.binary(data));
            WebSocketFrames.Frame echo = WebSocketFrames.readMessage(c.input());
            assertThat(echo.opcode()).isEqualTo(WebSocketFrames.BINARY);
            assertThat(echo.payload()).isEqualTo(data);
        }
    }

    /** Sends a text message of {@code length} characters; asserts the close with 1009 and its reason. */
    static void textRefused(ServerUnderTest server, String path, int length) throws Exception {
        try (RawConnection c = open(server, path)) {
            c.send(WebSocketFrames.text("x".repeat(length)));
            assertClosedAsTooBig(c, textReason(server.container(), length));
        }
    }

    /** Sends a binary message of {@code length} bytes; asserts the close with 1009 and its reason. */
    static void binaryRefused(ServerUnderTest server, String path, int length) throws Exception {
        try (RawConnection c = open(server, path)) {
            c.send(WebSocketFrames.binary(new byte[length]));
            assertClosedAsTooBig(c, binaryReason(server.container(), length));
        }
    }

    private static RawConnection open(ServerUnderTest server, String path) throws Exception {
        RawConnection c = RawConnection.open(server.base());
        c.send(WebSocketRequest.to(server, path).text());
        assertThat(c.readHead().statusLine()).isEqualTo(server.container().statusLine(101));
        return c;
    }

    private static void assertClosedAsTooBig(RawConnection c, String reason) throws Exception {
        WebSocketFrames.Frame close = WebSocketFrames.read(c.input());
        assertThat(close.opcode()).isEqualTo(WebSocketFrames.CLOSE);
        assertThat(close.closeCode()).isEqualTo(1009);
        assertThat(close.closeReason()).isEqualTo(reason);
    }

    /**
     * The reason the container gives when a text message of {@code length} is one over its
     * limit (Jetty counts UTF-8 bytes, Tomcat characters; the messages here are ASCII).
     */
    private static String textReason(Container container, int length) {
        if (container.isTomcat()) {
            return "The decoded text message was too big for the output buffer and the endpoint does not support "
                    + "partial messages";
        }
        return String.format(Locale.ROOT, "Text message too large: %,d > %,d", length, length - 1);
    }

    /**
     * The reason the container gives when a binary message of {@code length} is one over its
     * limit. Both containers write the sizes in the JVM's default locale; the build runs in English.
     */
    private static String binaryReason(Container container, int length) {
        if (container.isTomcat()) {
            return String.format(Locale.ROOT, "No async message support and buffer too small. "
                    + "Buffer size: [%,d], Message size: [%,d]", length - 1, length);
        }
        return String.format(Locale.ROOT, "Binary message too large: %,d > %,d", length, length - 1);
    }
}
