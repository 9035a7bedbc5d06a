package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.OpossumScenarios;

class OpossumOnJettyIT extends OpossumScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-opossum", PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
