package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.RawConnection;
import dev.switchboard.it.ResponseHead;
import dev.switchboard.it.ServerUnderTest;

/** The {@code echo/1} reference protocol end to end. Deploy {@code Deployments.upgradeApp(...)}. */
public abstract class EchoScenarios {

    /** The server with the upgrade test application deployed. */
    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("UPG-06 a 101 names exactly the protocol switched to and carries Connection: upgrade")
    void switchesToTheSecondOfferWhenTheFirstIsUnknown() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("GET " + s.path("echo") + " HTTP/1.1\r\nHost: " + s.host()
                    + "\r\nUpgrade: foo/2, echo/1\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(s.container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }
}
