package dev.switchboard.it.tomcat;

import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.RelayScenarios;

/**
 * The relay scenarios on the {@code tomcat} transport, on Tomcat's poller
 * ({@code switchboard.ownLoop=false}); {@link RelayOnTomcatIT} runs them on {@code tomcat-loop}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RelayPollerTransportOnTomcatIT extends RelayScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.upgradeApp("relay-poller", Map.of("switchboard.ownLoop", "false"));
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
