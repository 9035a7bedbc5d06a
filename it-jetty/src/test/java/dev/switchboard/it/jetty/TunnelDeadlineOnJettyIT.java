package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.TunnelDeadlineScenarios;

class TunnelDeadlineOnJettyIT extends TunnelDeadlineScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("proxy-deadline",
            TunnelDeadlineScenarios.CONTEXT_PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
