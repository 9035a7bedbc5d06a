package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.LenientScenarios;

class LenientOnJettyIT extends LenientScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> LenientScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
