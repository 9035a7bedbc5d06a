package dev.switchboard.jetty;

import static dev.switchboard.jetty.AdapterJetty.upgradeRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.servlet.HandlerOptions;

/**
 * After the switch the endpoint keeps Jetty's connector idle timeout (unlike Tomcat, which
 * gives upgraded connections none): a connection that stays silent is closed by Jetty even
 * when the handler has no timeout of its own, and the handler is destroyed.
 */
class JettyIdleTimeoutTest {

    @Test
    @DisplayName("Jetty's connector idle timeout closes a silent upgraded connection and destroys the handler")
    void connectorIdleTimeoutApplies() throws Exception {
        HandlerOptions noTimeouts = new HandlerOptions(Duration.ZERO, Duration.ZERO, 16 * 1024, 256 * 1024);
        try (AdapterJetty jetty = AdapterJetty.start(Duration.ofSeconds(1), noTimeouts,
                List.of(Handlers.protocol("lifecycle/1", Handlers.Lifecycle.class)))) {
            Handlers.Lifecycle.EVENTS.clear();
            try (RawConnection c = jetty.connect()) {
                c.send(upgradeRequest("x", "lifecycle/1"));
                assertThat(c.readHead().status()).isEqualTo(101);
                assertThat(Handlers.Lifecycle.EVENTS.poll(10, TimeUnit.SECONDS)).isEqualTo("init in application");
                assertThat(c.isClosedByPeer(Duration.ofSeconds(20))).as("closed by Jetty").isTrue();
                assertThat(Handlers.Lifecycle.EVENTS.poll(10, TimeUnit.SECONDS)).startsWith("error");
                assertThat(Handlers.Lifecycle.EVENTS.poll(10, TimeUnit.SECONDS)).isEqualTo("destroy in application");
            }
        }
    }
}
