package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ServerUnderTest;

/**
 * Declaring {@code UpgradeFilter} in web.xml instead of letting the initializer add it:
 * {@code switchboard.enabled=false}, the filter mapped to {@code /declared/*} with its
 * options as init-params.
 */
public abstract class RegistrationScenarios {

    public static WebArchive war() {
        return Deployments.declaredFilterApp("declared");
    }

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("a filter declared in web.xml switches on the URLs it is mapped to, with its init-params")
    void declaredFilterSwitchesWhereMapped() throws IOException {
        Exchanges.switchAndEcho(server(), upgrade(server(), "declared/x", "echo/1"), "echo/1");
    }

    @Test
    @DisplayName("init-params of a declared filter apply: it advertises echo/1 where it is mapped")
    void declaredFilterReadsItsInitParams() throws IOException {
        Response r = Exchanges.exchange(server(), get(server(), "declared/x"));
        assertThat(r.head().values("Upgrade")).containsExactly("echo/1");
        assertThat(r.head().values("Connection")).containsExactly("upgrade");
    }

    @Test
    @DisplayName("with switchboard.enabled=false the initializer adds no filter: other URLs are not upgraded")
    void disabledInitializerAddsNoFilter() throws IOException {
        Response r = Exchanges.exchange(server(), upgrade(server(), "elsewhere", "echo/1"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(r.bodyText()).contains("upgrade: echo/1\n");
    }
}
