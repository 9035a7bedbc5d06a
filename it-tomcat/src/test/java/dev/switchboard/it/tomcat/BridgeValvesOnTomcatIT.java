package dev.switchboard.it.tomcat;

import java.net.URL;
import java.util.List;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.BridgeIdentityScenarios;
import dev.switchboard.it.scenarios.BridgeValveScenarios;
import dev.switchboard.testing.tls.TomcatHttps;

/**
 * The scenarios' valves on the engine of Arquillian's Tomcat (11 or 10.1), for this class
 * only: they read fields no other test sends, and are removed afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BridgeValvesOnTomcatIT extends BridgeValveScenarios {

    private static final List<Valve> VALVES = valves();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TlsDeployments.tlsApp("tls-valves", BridgeIdentityScenarios.PARAMS);
    }

    @BeforeAll
    static void addValves() {
        VALVES.forEach(engine()::addValve);
    }

    @AfterAll
    static void removeValves() {
        VALVES.forEach(engine()::removeValve);
    }

    private static Pipeline engine() {
        return TomcatHttps.service().getContainer().getPipeline();
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
