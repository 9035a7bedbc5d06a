package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;

/**
 * WS-14: sessions open when the application stops are closed with 1001 (going away), on a
 * programmatic and on an annotated endpoint. The suite deploys {@code WebSocketDeployments.app(...)}
 * itself, in {@link #startApplication()}, and undeploys it in {@link #stopApplication()}.
 */
public abstract class WebSocketShutdownScenarios {

    /** The server with the application deployed; valid after {@link #startApplication()}. */
    protected abstract ServerUnderTest server();

    /** Deploys the WebSocket test application. */
    protected abstract void startApplication() throws Exception;

    /** Undeploys it, as an administrator or a shutdown would. */
    protected abstract void stopApplication() throws Exception;

    private RawConnection open(String path) throws Exception {
        RawConnection c = RawConnection.open(server().base());
        c.send(WebSocketRequest.to(server(), path).text());
        assertThat(c.readHead().status()).isEqualTo(101);
        c.send(WebSocketFrames.text("hello"));
        assertThat(WebSocketFrames.read(c.input()).text()).isEqualTo("hello");
        return c;
    }

    @Test
    @DisplayName("WS-14 when the application stops, open sessions of programmatic and annotated endpoints close with 1001")
    void sessionsCloseWithGoingAway() throws Exception {
        startApplication();
        try (RawConnection programmatic = open("p/echo"); RawConnection annotated = open("a/echo")) {
            stopApplication();
            for (RawConnection c : new RawConnection[] {programmatic, annotated}) {
                c.timeout(Duration.ofSeconds(60));
                WebSocketFrames.Frame close = WebSocketFrames.read(c.input());
                assertThat(close.opcode()).isEqualTo(WebSocketFrames.CLOSE);
                assertThat(close.closeCode()).isEqualTo(1001);
            }
        }
    }
}
