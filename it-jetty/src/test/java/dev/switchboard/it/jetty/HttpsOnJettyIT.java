package dev.switchboard.it.jetty;

import java.net.URI;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.HttpsScenarios;

/** The policy behind a real HTTPS connector of the same Jetty (the shared test key store). */
class HttpsOnJettyIT extends HttpsScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.with(() -> EmbeddedJetty.builder(TlsDeployments.tlsApp("tls-https", PARAMS))
            .tlsConnector("https", http -> new ConnectionFactory[] {new HttpConnectionFactory(http)}));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }

    @Override
    protected URI httpsBase() {
        return JETTY.server("https").base();
    }
}
