package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.TunnelForwardingScenarios;

class TunnelXForwardedOnlyOnJettyIT extends TunnelForwardingScenarios {

    private static final String FORWARDING = "x-forwarded";

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("proxy-x-forwarded",
            TunnelForwardingScenarios.contextParams(FORWARDING)));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }

    @Override
    protected String forwarding() {
        return FORWARDING;
    }
}
