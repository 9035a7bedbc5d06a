package dev.switchboard.it.tomcat;

import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.EchoStreamScenarios;

/**
 * The stream scenarios (10 MiB echoed, back-pressure, half-close) on the Servlet transport
 * ({@code switchboard.transport=servlet}), which keeps it covered on Tomcat: every other Tomcat
 * class runs on upgrade-tomcat's transports, upgrade-tomcat being in the application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EchoStreamServletTransportOnTomcatIT extends EchoStreamScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HandlerDeployments.handlerApp("handler-servlet", Map.of("switchboard.transport", "servlet"));
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
