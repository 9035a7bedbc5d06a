package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.testing.WebSocketRequest;

/**
 * WS-15: with {@code switchboard.allowedHosts} set to the names a server really has, a page
 * on a name rebound to its address (DNS rebinding) cannot open a same-origin WebSocket, nor
 * any other upgrade; the names it has work as before. The WebSocket test application with
 * {@code echo/1} enabled and {@code localhost, 127.0.0.1, [::1]} allowed.
 */
public abstract class AllowedHostsScenarios {

    private static final String REBOUND = "rebind.example";

    public static WebArchive war() {
        return WebSocketDeployments.app("allowed-hosts", Map.of(
                "switchboard.protocols", "websocket, echo",
                "switchboard.allowedHosts", "localhost, 127.0.0.1, [::1]"));
    }

    protected abstract ServerUnderTest server();

    private String rebound() {
        return REBOUND + ":" + server().base().getPort();
    }

    private WebSocketRequest sameOriginHandshake(String host) {
        return WebSocketRequest.to(server(), "p/echo").set("Host", host).field("Origin", "http://" + host);
    }

    @Test
    @DisplayName("WS-15 a same-origin WebSocket handshake for a rebound name gets 421, and the connection closes")
    void reboundWebSocketIsRefused() throws IOException {
        Refused.andClosed(server(), sameOriginHandshake(rebound()).text(), "", 421,
                "Host " + rebound() + " is not served here");
    }

    @Test
    @DisplayName("WS-15 the same handshake for an allowed name switches")
    void allowedWebSocketSwitches() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(sameOriginHandshake(server().host()).text());
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).as(head.raw()).isEqualTo(server().container().statusLine(101));
        }
    }

    @Test
    @DisplayName("WS-15 an allowed name is matched case-insensitively and with a trailing dot")
    void allowedNameInOtherSpelling() throws IOException {
        String host = server().base().getHost().toUpperCase(java.util.Locale.ROOT) + ".:" + server().base().getPort();
        Exchanges.switchAndEcho(server(), Requests.get(server(), "x", "Upgrade: echo/1", "Connection: upgrade")
                .replace("Host: " + server().host(), "Host: " + host), "echo/1");
    }

    @Test
    @DisplayName("WS-15 any other upgrade for a rebound name gets 421, and the connection closes")
    void reboundEchoIsRefused() throws IOException {
        String request = Requests.head("GET", server().path("x"), "HTTP/1.1", rebound(), "Upgrade: echo/1",
                "Connection: upgrade");
        Refused.andClosed(server(), request, Refused.followUp(server()), 421, "Host " + rebound() + " is not served here");
    }

    @Test
    @DisplayName("WS-15 an ordinary request for a rebound name is left to the application")
    void ordinaryRequestIsServed() throws IOException {
        RawConnection.Response r = Exchanges.exchange(server(), Requests.head("GET", server().path("x"), "HTTP/1.1",
                rebound()));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
    }
}
