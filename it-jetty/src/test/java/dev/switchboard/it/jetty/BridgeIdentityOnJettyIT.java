package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.BridgeIdentityScenarios;

class BridgeIdentityOnJettyIT extends BridgeIdentityScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-identity", PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
