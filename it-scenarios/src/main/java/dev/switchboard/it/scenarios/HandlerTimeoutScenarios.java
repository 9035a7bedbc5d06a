package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Handshakes.readId;
import static dev.switchboard.it.scenarios.Handshakes.report;
import static dev.switchboard.it.scenarios.Handshakes.upgraded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.ProtocolCounters;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The handler base's own timeouts, which containers do not give upgraded connections: an idle
 * timeout and a first-byte timeout, each closing the socket. Deploy
 * {@code HandlerDeployments.handlerApp(name, HandlerTimeoutScenarios.CONTEXT_PARAMS)}.
 */
public abstract class HandlerTimeoutScenarios {

    /** Short timeouts, set the way an operator sets them: as context params. */
    public static final Map<String, String> CONTEXT_PARAMS =
            Map.of("switchboard.idleTimeout", "2s", "switchboard.firstByteTimeout", "1s");

    /** The server with the handler application deployed with {@link #CONTEXT_PARAMS}. */
    protected abstract ServerUnderTest server();

    @AfterEach
    void everyConnectionIsReleased() {
        ProtocolCounters probe = ProtocolCounters.of(server(), "probe/1");
        await("the probe connections to close").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe.activeConnections()).isZero());
    }

    @Test
    void aPeerThatSendsNothingAfterTheSwitchIsClosedAtTheFirstByteTimeout() throws Exception {
        int id;
        try (RawConnection c = upgraded(server(), "probe/1")) {
            id = readId(c);

            assertThat(c.isClosedByPeer(Duration.ofSeconds(20))).as("end of stream from the server").isTrue();
        }
        // The socket closes first; the handler's onClosed runs just after, on its own thread.
        await("the probe's report of the close").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(report(server(), id)).contains("closed=1\n", "timeouts=FIRST_BYTE\n",
                        "cause=java.util.concurrent.TimeoutException: no data within 1000 ms of the switch\n"));
    }

    @Test
    void aConnectionThatFallsSilentIsClosedAtTheIdleTimeout() throws Exception {
        int id;
        try (RawConnection c = upgraded(server(), "probe/1")) {
            id = readId(c);
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");

            assertThat(c.isClosedByPeer(Duration.ofSeconds(20))).as("end of stream from the server").isTrue();
        }
        await("the probe's report of the close").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(report(server(), id)).contains("closed=1\n", "timeouts=IDLE\n",
                        "cause=java.util.concurrent.TimeoutException: idle for 2000 ms\n"));
    }

    @Test
    void aConnectionThatKeepsTalkingOutlivesTheIdleTimeout() throws Exception {
        try (RawConnection c = upgraded(server(), "probe/1")) {
            int id = readId(c);
            // Three times the idle timeout's worth of traffic, one byte every eighth of it.
            for (int i = 0; i < 24; i++) {
                c.send("x");
                assertThat(c.readString(1)).isEqualTo("x");
                Thread.sleep(250);
            }

            assertThat(report(server(), id)).contains("closed=0\n", "timeouts=\n");
        }
    }
}
