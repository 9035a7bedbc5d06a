package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.AllowedHostsScenarios;

class AllowedHostsOnJettyIT extends AllowedHostsScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> AllowedHostsScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
