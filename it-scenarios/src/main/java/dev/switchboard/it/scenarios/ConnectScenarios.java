package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.head;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ServerUnderTest;

/**
 * {@code CONNECT} (RFC 9110 section 9.3.6) against the upgrade test application deployed at
 * the root context, where a container that delivers {@code CONNECT} to applications sends it.
 * A {@code CONNECT} asks for a tunnel, whatever else it carries: Switchboard never switches it,
 * and leaves it to the application (or to a tunnel's {@code CONNECT} policy).
 */
public abstract class ConnectScenarios {

    /** The upgrade test application at the root context. */
    public static WebArchive war() {
        return Deployments.upgradeApp("ROOT");
    }

    protected abstract ServerUnderTest server();

    private Response exchange(String request) throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            return c.send(request).readResponse();
        }
    }

    @Test
    @DisplayName("an Upgrade field on a CONNECT request never switches, and is hidden from the application")
    void connectWithUpgradeIsNotSwitched() throws IOException {
        Response r = exchange(head("CONNECT", "example.com:443", "HTTP/1.1", "example.com:443",
                "Upgrade: echo/1", "Connection: upgrade"));
        assertThat(r.status()).as(r.head().raw()).isNotEqualTo(101);
        if (server().container().deliversConnect()) {
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
            assertThat(r.bodyText()).contains("method: CONNECT\n").contains("upgrade: (none)\n");
        } else {
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(501));
        }
    }

    @Test
    @DisplayName("a CONNECT reaches the application only where the container delivers it")
    void connectReachesTheApplicationWhereDelivered() throws IOException {
        Response r = exchange(head("CONNECT", "example.com:443", "HTTP/1.1", "example.com:443"));
        if (server().container().deliversConnect()) {
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
            assertThat(r.bodyText()).contains("method: CONNECT\n").contains("path: /\n");
        } else {
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(501));
        }
    }
}
