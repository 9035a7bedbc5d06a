package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.Rfc2817Scenarios;

class Rfc2817OnJettyIT extends Rfc2817Scenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> TlsDeployments.tlsApp("tls-upgrade", PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
