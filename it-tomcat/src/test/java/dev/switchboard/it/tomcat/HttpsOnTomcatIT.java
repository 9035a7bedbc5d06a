package dev.switchboard.it.tomcat;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.HttpsScenarios;
import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.testing.tls.TomcatHttps;

/** The policy behind a real HTTPS connector, added to Arquillian's Tomcat on a free port for this class. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpsOnTomcatIT extends HttpsScenarios {

    private static int httpsPort;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TlsDeployments.tlsApp("tls-https", PARAMS);
    }

    @BeforeAll
    static void addHttpsConnector() throws Exception {
        httpsPort = TomcatHttps.addConnector(TomcatHttps.service(), 0, TestKeyStore.shared());
    }

    /**
     * Arquillian's Tomcat serves the other test classes after this one: a connector with the
     * same key as their RFC 2817 would make their optional form refuse to start (TLS-11).
     */
    @AfterAll
    static void removeHttpsConnector() throws Exception {
        TomcatHttps.removeConnector(TomcatHttps.service(), httpsPort);
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }

    @Override
    protected URI httpsBase() {
        return URI.create("https://127.0.0.1:" + httpsPort + server().base().getPath());
    }
}
