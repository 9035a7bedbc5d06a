package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.Rfc2817LimitScenarios;

class Rfc2817LimitsOnJettyIT extends Rfc2817LimitScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-limits", PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
