package dev.switchboard.it.tomcat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.ConnectorTlsScenarios;
import dev.switchboard.it.scenarios.Rfc2817ClientScenarios;
import dev.switchboard.testing.tls.ConnectorKeys;
import dev.switchboard.tomcat.tls.ConnectorTls;

/**
 * RFC 2817 at the connector on Tomcat (11 or 10.1, whichever failsafe runs): a cleartext
 * connector with {@link ConnectorTls} installed, the same WAR behind it.
 */
class ConnectorTlsOnTomcatIT implements ConnectorTlsScenarios, Rfc2817ClientScenarios {

    private static EmbeddedTomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        tomcat = EmbeddedTomcat.builder(ConnectorTlsScenarios.deployment())
                .connector("rfc2817", c -> new ConnectorTls()
                        .keystore(ConnectorKeys.store().file(), ConnectorKeys.store().password()).install(c))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.close();
    }

    @Override
    public ServerUnderTest rfc2817() {
        return tomcat.server("rfc2817");
    }
}
