package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.ConnectScenarios;

class ConnectOnJettyIT extends ConnectScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(ConnectScenarios::war);

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
