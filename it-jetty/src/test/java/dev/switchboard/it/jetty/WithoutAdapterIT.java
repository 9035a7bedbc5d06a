package dev.switchboard.it.jetty;

import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The upgrade application on Jetty without Switchboard's Jetty adapter (its initializer
 * excluded, as if the jar were not on Jetty's classpath): switching goes through Jetty's own
 * {@code upgrade()}, which rewrites {@code Upgrade} and {@code Connection}. The filter sets
 * them again afterwards, so the 101 is still exact; only input the client sends with the
 * request reaches the protocol (see {@code docs/jetty-upgrade-eof.md}).
 */
class WithoutAdapterIT {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.with(() -> EmbeddedJetty.builder(Deployments.upgradeApp("plain"))
            .customize(context -> context.setAttribute(JettyEnvironment.INITIALIZER_EXCLUSION_PATTERN,
                    "dev\\.switchboard\\.jetty\\..*")));

    private ServerUnderTest server() {
        return JETTY.server();
    }

    @Test
    @DisplayName("UPG-06 without the Jetty adapter the 101 still names exactly the protocol switched to")
    void exactHeadThroughJettysUpgrade() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "foo/2, echo/1") + "ping");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }
}
