package dev.switchboard.it.tomcat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.LenientScenarios;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LenientOnTomcatIT extends LenientScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LenientScenarios.war();
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
