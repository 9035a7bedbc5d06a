package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ServerUnderTest;

/** A malformed {@code Upgrade} field ignored instead of refused: {@code switchboard.invalidUpgrade=ignore}. */
public abstract class LenientScenarios {

    public static WebArchive war() {
        return Deployments.upgradeApp("lenient", Map.of("switchboard.invalidUpgrade", "ignore"));
    }

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("UPG-13 where configured, an invalid Upgrade is ignored: served normally and hidden")
    void invalidUpgradeIsIgnoredWhereConfigured() throws IOException {
        Response r = Exchanges.exchange(server(), upgrade(server(), "x", "echo/1, \"quoted\""));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(r.bodyText()).contains("upgrade: (none)\n");
    }
}
