package dev.switchboard.it.jetty;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.TunnelRefusalScenarios;

class TunnelRefusalOnJettyIT extends TunnelRefusalScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("proxy-refusals", Map.of()));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
