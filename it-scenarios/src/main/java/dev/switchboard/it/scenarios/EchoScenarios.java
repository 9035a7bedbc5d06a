package dev.switchboard.it.scenarios;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServerUnderTest;

/** The {@code echo/1} reference protocol end to end. Deploy {@code Deployments.upgradeApp(...)}. */
public abstract class EchoScenarios {

    /** The server with the upgrade test application deployed. */
    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("UPG-06 a 101 names exactly the protocol switched to and carries Connection: upgrade")
    void switchesToTheSecondOfferWhenTheFirstIsUnknown() throws Exception {
        Exchanges.switchAndEcho(server(), Requests.upgrade(server(), "echo", "foo/2, echo/1"), "echo/1");
    }
}
