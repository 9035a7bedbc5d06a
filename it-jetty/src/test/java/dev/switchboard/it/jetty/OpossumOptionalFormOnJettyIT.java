package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.OpossumOptionalFormScenarios;

class OpossumOptionalFormOnJettyIT extends OpossumOptionalFormScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-opossum-optional", PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
