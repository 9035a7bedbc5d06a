package dev.switchboard.it.tomcat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.HandlerCloseScenarios;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandlerCloseOnTomcatIT extends HandlerCloseScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HandlerDeployments.handlerApp("handler-close");
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
