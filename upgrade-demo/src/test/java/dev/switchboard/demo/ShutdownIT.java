package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;

/** Stopping the demo: open sessions and tunnels are closed, and the process reports success. */
class ShutdownIT {

    @Test
    @DisplayName("SIGTERM closes chat and echo sessions with 1001, closes tunnels, and exits with 0")
    void sigtermClosesEverythingAndExitsZero() throws Exception {
        try (DemoProcess demo = DemoProcess.start()) {
            Sockets chat = Sockets.open(demo.ws("/ws/chat"), "chat.v2", "chat.v1");
            Sockets echo = Sockets.open(demo.ws("/ws/echo"));
            try (RawConnection tunnel = openTunnel(demo)) {
                assertThat(demo.stopWith("TERM")).as("exit status; output: %s", demo.output()).isZero();
                assertThat(chat.awaitClose()).isEqualTo(1001);
                assertThat(echo.awaitClose()).isEqualTo(1001);
                assertThat(tunnel.isClosedByPeer(Duration.ofSeconds(30))).as("tunnel closed").isTrue();
            }
            assertThat(demo.output()).contains("Switchboard demo stopped.");
        }
    }

    /** An echo/1 tunnel through {@code /tunnel/}, checked to be working. */
    private static RawConnection openTunnel(DemoProcess demo) throws IOException {
        RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort());
        c.send("GET /tunnel/echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
        ResponseHead head = c.readHead();
        assertThat(head.status()).isEqualTo(101);
        c.send("ping");
        assertThat(c.readString(4)).isEqualTo("ping");
        return c;
    }
}
