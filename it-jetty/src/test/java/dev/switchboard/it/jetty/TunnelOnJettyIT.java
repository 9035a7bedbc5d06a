package dev.switchboard.it.jetty;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.TunnelScenarios;

/** The gateway at the root context: Jetty delivers CONNECT only there. */
class TunnelOnJettyIT extends TunnelScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("ROOT", Map.of()));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
