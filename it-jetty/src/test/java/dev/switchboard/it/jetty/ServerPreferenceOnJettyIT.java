package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.ServerPreferenceScenarios;

class ServerPreferenceOnJettyIT extends ServerPreferenceScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ServerPreferenceScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
