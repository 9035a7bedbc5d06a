package dev.switchboard.it.jetty;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.ConnectorTlsScenarios;
import dev.switchboard.it.scenarios.Rfc2817ClientScenarios;
import dev.switchboard.testing.tls.ConnectorKeys;
import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.jetty.tls.TlsUpgradeConnectionFactory;

/**
 * RFC 2817 at the connector on Jetty 12.1: a cleartext connector with
 * {@link TlsUpgradeConnectionFactory} next to its HTTP/1.1 factory, Jetty's own TLS in place.
 */
class ConnectorTlsOnJettyIT implements ConnectorTlsScenarios, Rfc2817ClientScenarios {

    private static EmbeddedJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = EmbeddedJetty.builder(ConnectorTlsScenarios.deployment())
                .connector("rfc2817", http -> {
                    // Jetty checks that the certificate chosen is for the request's Host; the
                    // default one here is for 127.0.0.1 by IP address, which that check does not read.
                    http.addCustomizer(new SecureRequestCustomizer(false));
                    return new ConnectionFactory[] {new HttpConnectionFactory(http), new TlsUpgradeConnectionFactory(keys())};
                })
                .start();
    }

    static SslContextFactory.Server keys() {
        TestKeyStore keys = ConnectorKeys.store();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keys.file().toString());
        ssl.setKeyStorePassword(keys.password());
        ssl.setKeyStoreType("PKCS12");
        ssl.setCertAlias(TestKeyStore.ALIAS); // the certificate for a Host that names no key of its own
        return ssl;
    }

    @AfterAll
    static void stop() {
        jetty.close();
    }

    @Override
    public ServerUnderTest rfc2817() {
        return jetty.server("rfc2817");
    }
}
