package dev.switchboard.it.jetty;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.H2cScenarios;

/**
 * The same WAR behind three Jetty connectors: HTTP/1.1 only; HTTP/1.1 with Jetty's h2c
 * upgrade; TLS with ALPN offering h2 and http/1.1.
 */
class H2cOnJettyIT extends H2cScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.with(() -> EmbeddedJetty.builder(Deployments.upgradeApp("h2c"))
            .connector("h2c", http -> new ConnectionFactory[] {
                new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http)})
            .tlsConnector("tls", http -> new ConnectionFactory[] {
                new ALPNServerConnectionFactory("h2", "http/1.1"), new HTTP2ServerConnectionFactory(http),
                new HttpConnectionFactory(http)}));

    @Override
    protected ServerUnderTest plain() {
        return JETTY.server();
    }

    @Override
    protected ServerUnderTest h2c() {
        return JETTY.server("h2c");
    }

    @Override
    protected ServerUnderTest tls() {
        return JETTY.server("tls");
    }
}
