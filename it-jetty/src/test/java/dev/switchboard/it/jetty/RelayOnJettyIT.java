package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.RelayScenarios;

class RelayOnJettyIT extends RelayScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> RelayScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
