package dev.switchboard.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.ConfidentialScenarios;

/**
 * What Tomcat does with a CONFIDENTIAL guarantee left to it
 * ({@code switchboard.tls.confidentialConstraints=false}), as the module README describes:
 * its authenticator answers before any filter, with a 302 to its redirect port, also for a
 * request that asks to upgrade to TLS in place.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerConfidentialOnTomcatIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TlsDeployments.tlsApp("tls-container-confidential", Map.of("switchboard.tls.confidentialConstraints", "false"),
                ConfidentialScenarios.CONSTRAINT);
    }

    @ArquillianResource
    URL base;

    private RawConnection.Response get(String relative, String fields) throws Exception {
        ServerUnderTest s = ArquillianServer.of(base);
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("GET " + s.path(relative) + " HTTP/1.1\r\nHost: " + s.host() + "\r\n" + fields + "\r\n");
            return c.readResponse();
        }
    }

    @Test
    @DisplayName("a CONFIDENTIAL guarantee left to Tomcat is answered with its 302 to the redirect port, before any filter")
    void tomcatRedirectsBeforeFilters() throws Exception {
        ServerUnderTest s = ArquillianServer.of(base);
        RawConnection.Response r = get("conf/page", "");
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(302));
        assertThat(r.head().values("Location")).containsExactly("https://" + s.base().getHost() + s.path("conf/page"));
        assertThat(get("executions", "").bodyText()).isEqualTo("executions: 0\n");
    }

    @Test
    @DisplayName("a CONFIDENTIAL guarantee left to Tomcat cannot be met by upgrading in place: Tomcat redirects first")
    void anUpgradeRequestIsRedirectedToo() throws Exception {
        RawConnection.Response r = get("conf/page", "Upgrade: TLS/1.2\r\nConnection: upgrade\r\n");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.head().has("Upgrade")).isFalse();
    }
}
