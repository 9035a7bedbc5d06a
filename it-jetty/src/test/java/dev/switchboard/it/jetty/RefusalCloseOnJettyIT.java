package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.RefusalCloseScenarios;

class RefusalCloseOnJettyIT extends RefusalCloseScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> RefusalCloseScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
