package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;

/**
 * WS-15 on the demo: a page on a name that an attacker has rebound to 127.0.0.1 sends its own
 * name in {@code Host} and {@code Origin}, so the same-origin check alone lets it in; the
 * demo's allowed hosts (its bind address, the loopback names and {@code --allowed-host}) keep
 * it out.
 */
class DnsRebindingIT {

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    private RawConnection.Response handshake(String host) throws IOException {
        String hostPort = host + ":" + demo.httpPort();
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            c.send(Handshakes.request("/ws/echo", demo.httpPort(), "Origin: http://" + hostPort + "\r\n")
                    .replace("Host: 127.0.0.1:" + demo.httpPort(), "Host: " + hostPort));
            return c.readResponse();
        }
    }

    @Test
    @DisplayName("WS-15 a same-origin handshake from a rebound name gets 421 with Connection: close")
    void reboundNameIsRefused() throws IOException {
        RawConnection.Response r = handshake("rebind.example");
        assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 421 ");
        assertThat(r.head().values("Connection")).containsExactly("close");
        assertThat(r.bodyText()).isEqualTo("Host rebind.example:" + demo.httpPort() + " is not served here\n");
    }

    @Test
    @DisplayName("WS-15 the same handshake under localhost switches")
    void localhostSwitches() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            String hostPort = "localhost:" + demo.httpPort();
            c.send(Handshakes.request("/ws/echo", demo.httpPort(), "Origin: http://" + hostPort + "\r\n")
                    .replace("Host: 127.0.0.1:" + demo.httpPort(), "Host: " + hostPort));
            assertThat(c.readHead().statusLine()).isEqualTo("HTTP/1.1 101 ");
        }
    }

    @Test
    @DisplayName("WS-15 a name given with --allowed-host is served")
    void configuredNameSwitches() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            String hostPort = "app.example.com:" + demo.httpPort();
            c.send(Handshakes.request("/ws/echo", demo.httpPort(), "Origin: https://app.example.com\r\n")
                    .replace("Host: 127.0.0.1:" + demo.httpPort(), "Host: " + hostPort));
            assertThat(c.readHead().statusLine()).isEqualTo("HTTP/1.1 101 ");
        }
    }
}
