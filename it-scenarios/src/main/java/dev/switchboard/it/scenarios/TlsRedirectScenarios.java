package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.exchange;
import static dev.switchboard.it.scenarios.TlsExchanges.executions;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The policy in redirect mode, for sites that want browsers sent to https. Deploy
 * {@code TlsDeployments.tlsApp(name, TlsRedirectScenarios.PARAMS)}.
 */
public abstract class TlsRedirectScenarios {

    /** Redirect mode, 308, https on port 8443. */
    public static final Map<String, String> PARAMS = Map.of(
            "switchboard.tls.mode", "redirect",
            "switchboard.tls.redirectStatus", "308",
            "switchboard.tls.httpsPort", "8443",
            "switchboard.tls.optionalUpgrade", "/*");

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("redirect mode answers a cleartext request for a protected resource with a redirect to its https URL")
    void redirectModeRedirects() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, get(s, "secure/page?a=b", ""));
        assertThat(r.head().statusLine()).startsWith("HTTP/1.1 308");
        assertThat(r.head().values("Location"))
                .containsExactly("https://" + s.base().getHost() + ":8443" + s.path("secure/page") + "?a=b");
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("redirect mode still upgrades a request that asks for TLS in place")
    void redirectModeStillUpgrades() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "secure/page", TlsExchanges.UPGRADE_TLS_1_2))) {
            assertThat(tls.readResponse().status()).isEqualTo(200);
        }
    }
}
