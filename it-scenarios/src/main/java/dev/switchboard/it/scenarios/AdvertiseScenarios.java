package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static dev.switchboard.it.scenarios.Requests.head;
import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ServerUnderTest;

/** Advertising protocols on ordinary responses: {@code switchboard.advertise=echo/1}. */
public abstract class AdvertiseScenarios {

    public static WebArchive war() {
        return Deployments.upgradeApp("advertise", Map.of("switchboard.advertise", "echo/1"));
    }

    protected abstract ServerUnderTest server();

    private Response exchange(String request) throws IOException {
        return Exchanges.exchange(server(), request);
    }

    @Test
    @DisplayName("UPG-11 an ordinary response advertises the protocols with Upgrade and Connection: upgrade")
    void advertisesOnOrdinaryResponses() throws IOException {
        Response r = exchange(get(server(), "x"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(r.head().values("Upgrade")).containsExactly("echo/1");
        assertThat(r.head().values("Connection")).containsExactly("upgrade");
    }

    @Test
    @DisplayName("UPG-11 a response to an upgrade request no protocol took also advertises")
    void advertisesWhenNoProtocolWasChosen() throws IOException {
        Response r = exchange(upgrade(server(), "x", "unknown/1"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(r.head().values("Upgrade")).containsExactly("echo/1");
    }

    @Test
    @DisplayName("UPG-11 HTTP/1.0 responses do not advertise, since an HTTP/1.0 client cannot upgrade")
    void doesNotAdvertiseToHttp10() throws IOException {
        Response r = exchange(head("GET", server().path("x"), "HTTP/1.0", server().host()));
        assertThat(r.head().has("Upgrade")).isFalse();
    }

    @Test
    @DisplayName("UPG-11 a 101 names what was switched to, not the advertisement")
    void switchingResponseIsNotAnAdvertisement() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "content/1"));
            assertThat(c.readHead().values("Upgrade")).containsExactly("content/1");
        }
    }
}
