package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.AdvertiseScenarios;

class AdvertiseOnJettyIT extends AdvertiseScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> AdvertiseScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
