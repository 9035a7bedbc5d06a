package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;

/** {@code /ws/echo}: WebSocket without a subprotocol. */
class EchoSocketIT {

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    @Test
    @DisplayName("the 101 names no subprotocol, even when the client offers one")
    void noSubprotocol() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            ResponseHead head = Handshakes.send(c, "/ws/echo", demo.httpPort(), "Sec-WebSocket-Protocol: chat.v2\r\n");
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Sec-WebSocket-Accept")).containsExactly(Handshakes.ACCEPT);
            assertThat(head.has("Sec-WebSocket-Protocol")).isFalse();
        }
    }

    @Test
    @DisplayName("a text message comes back as it was sent")
    void textEchoed() throws Exception {
        Sockets s = Sockets.open(demo.ws("/ws/echo"));
        try {
            s.send("héllo, écho");
            assertThat(s.nextText()).isEqualTo("héllo, écho");
        } finally {
            s.socket.abort();
        }
    }

    @Test
    @DisplayName("a binary message comes back as it was sent")
    void binaryEchoed() throws Exception {
        Sockets s = Sockets.open(demo.ws("/ws/echo"));
        try {
            byte[] data = {0, 1, 2, (byte) 0xff, 42};
            s.socket.sendBinary(ByteBuffer.wrap(data), true).get(30, TimeUnit.SECONDS);
            ByteBuffer back = s.binaries.poll(30, TimeUnit.SECONDS);
            assertThat(back).isNotNull();
            byte[] got = new byte[back.remaining()];
            back.get(got);
            assertThat(got).containsExactly(data);
        } finally {
            s.socket.abort();
        }
    }
}
