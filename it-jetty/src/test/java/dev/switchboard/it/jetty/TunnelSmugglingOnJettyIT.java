package dev.switchboard.it.jetty;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.TunnelSmugglingScenarios;

/** The gateway at the root context: Jetty delivers CONNECT only there. */
class TunnelSmugglingOnJettyIT extends TunnelSmugglingScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("ROOT", Map.of()));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
