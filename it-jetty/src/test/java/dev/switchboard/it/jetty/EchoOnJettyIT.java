package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.EchoScenarios;

class EchoOnJettyIT extends EchoScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> Deployments.upgradeApp("echo"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
