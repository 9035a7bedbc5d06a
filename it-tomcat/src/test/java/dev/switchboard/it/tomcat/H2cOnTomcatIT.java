package dev.switchboard.it.tomcat;

import org.apache.coyote.http2.Http2Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.H2cScenarios;
import dev.switchboard.it.scenarios.H2cValidationScenarios;

/**
 * h2c needs connectors Arquillian's adapter cannot configure, so this class starts its own
 * embedded Tomcat (the same one failsafe puts on the classpath: 11 or 10.1) with the same
 * WAR: a plain connector, an h2c connector and a TLS connector with HTTP/2.
 */
class H2cOnTomcatIT extends H2cScenarios implements H2cValidationScenarios {

    private static EmbeddedTomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        tomcat = EmbeddedTomcat.builder(Deployments.upgradeApp("h2c"))
                .connector("h2c", c -> c.addUpgradeProtocol(new Http2Protocol()))
                .tlsConnector("tls", c -> c.addUpgradeProtocol(new Http2Protocol()))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.close();
    }

    @Override
    protected ServerUnderTest plain() {
        return tomcat.server();
    }

    @Override
    public ServerUnderTest h2c() {
        return tomcat.server("h2c");
    }

    @Override
    protected ServerUnderTest tls() {
        return tomcat.server("tls");
    }
}
