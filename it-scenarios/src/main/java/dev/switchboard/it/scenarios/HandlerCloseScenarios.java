package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Handshakes.randomBytes;
import static dev.switchboard.it.scenarios.Handshakes.readId;
import static dev.switchboard.it.scenarios.Handshakes.report;
import static dev.switchboard.it.scenarios.Handshakes.upgraded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.it.ProtocolCounters;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.app.handler.AppCloseProtocol;

/**
 * How an upgraded connection ends when the application or the peer ends it: a close asked
 * for from an application thread, and a peer that resets the connection mid-stream. Deploy
 * {@code HandlerDeployments.handlerApp(...)}.
 */
public abstract class HandlerCloseScenarios {

    /** The server with the handler application deployed. */
    protected abstract ServerUnderTest server();

    @Test
    void aCloseFromAnApplicationThreadClosesTheSocketAndReleasesTheHandlerOnce() throws Exception {
        ProtocolCounters counters = ProtocolCounters.of(server(), "app-close/1");
        int id;
        try (RawConnection c = upgraded(server(), "app-close/1")) {
            id = readId(c);
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
            assertThat(counters.activeConnections()).isEqualTo(1);

            c.send(new byte[] {AppCloseProtocol.CLOSE});

            assertThat(c.isClosedByPeer(Duration.ofSeconds(20))).as("end of stream from the server").isTrue();
        }
        await("the handler to be released").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(counters.activeConnections()).isZero());
        assertThat(report(server(), id)).contains("closed=1\n", "cause=none\n");
        await("onClosed not to run again").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(report(server(), id)).contains("closed=1\n"));
    }

    @Test
    void aClientResetMidStreamReleasesTheHandlerWithTheError() throws Exception {
        ProtocolCounters counters = ProtocolCounters.of(server(), "probe/1");
        int id;
        try (RawConnection c = upgraded(server(), "probe/1")) {
            id = readId(c);
            // Enough unread echo to fill every buffer, so the server is stuck writing when the reset comes.
            byte[] data = randomBytes(8 * 1024 * 1024);
            Thread writer = new Thread(() -> {
                try {
                    c.output().write(data);
                } catch (java.io.IOException e) {
                    // the reset below ends the write
                }
            }, "client-writer");
            writer.setDaemon(true);
            writer.start();
            await("the server to echo").atMost(Duration.ofSeconds(30))
                    .until(() -> counters.bytesSent() > 64 * 1024);

            c.socket().setSoLinger(true, 0); // close with RST
        }
        await("the handler to be released").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(counters.activeConnections()).isZero());
        String report = report(server(), id);
        assertThat(report).contains("closed=1\n").doesNotContain("cause=none", "cause=open");
        await("onClosed not to run again").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(report(server(), id)).contains("closed=1\n"));
    }
}
