package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.TlsPolicyScenarios;

class TlsPolicyOnJettyIT extends TlsPolicyScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-policy", TlsPolicyScenarios.PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
