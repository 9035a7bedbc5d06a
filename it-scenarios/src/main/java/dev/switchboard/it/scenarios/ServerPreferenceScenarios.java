package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;

/** The selection-policy hook: {@code switchboard.serverPreference=echo/1}. */
public abstract class ServerPreferenceScenarios {

    /** The deployment these scenarios expect. */
    public static WebArchive war() {
        return Deployments.upgradeApp("preference", Map.of("switchboard.serverPreference", "echo/1"));
    }

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("UPG-02 a server-preference policy chooses its own order among the client's offers")
    void serverPreferenceOverridesClientOrder() throws IOException {
        Exchanges.switchAndEcho(server(), upgrade(server(), "x", "content/1, echo/1"), "echo/1");
    }

    @Test
    @DisplayName("UPG-07 a server-preference policy never chooses a protocol the client did not offer")
    void serverPreferenceNeverAddsAnOffer() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "content/1"));
            ResponseHead head = c.readHead();
            assertThat(head.values("Upgrade")).containsExactly("content/1");
        }
    }
}
