package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.TunnelOriginScenarios;

class TunnelOriginOnJettyIT extends TunnelOriginScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("proxy-origin",
            TunnelOriginScenarios.CONTEXT_PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
