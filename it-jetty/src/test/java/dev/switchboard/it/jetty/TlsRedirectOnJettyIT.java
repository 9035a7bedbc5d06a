package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.TlsRedirectScenarios;

class TlsRedirectOnJettyIT extends TlsRedirectScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-redirect", TlsRedirectScenarios.PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
