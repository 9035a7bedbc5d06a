package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.BehindNginxScenarios;

class BehindNginxOnJettyIT extends BehindNginxScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> BehindNginxScenarios.application("behind-nginx"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
