package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.MinimumTls13Scenarios;

class MinimumTls13OnJettyIT extends MinimumTls13Scenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-minimum-13", MinimumTls13Scenarios.PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
