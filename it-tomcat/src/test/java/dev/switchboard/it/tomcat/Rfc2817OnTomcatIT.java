package dev.switchboard.it.tomcat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.scenarios.Rfc2817Scenarios;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Rfc2817OnTomcatIT extends Rfc2817Scenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TlsDeployments.tlsApp("tls-upgrade", PARAMS);
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
