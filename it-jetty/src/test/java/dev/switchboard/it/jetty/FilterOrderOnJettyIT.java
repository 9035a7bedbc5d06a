package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.FilterOrderScenarios;

class FilterOrderOnJettyIT extends FilterOrderScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(FilterOrderScenarios::war);

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
