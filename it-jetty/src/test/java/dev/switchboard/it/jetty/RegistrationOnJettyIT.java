package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.RegistrationScenarios;

class RegistrationOnJettyIT extends RegistrationScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> RegistrationScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
