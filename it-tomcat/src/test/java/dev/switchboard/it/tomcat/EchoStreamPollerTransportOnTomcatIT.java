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
 * The stream scenarios (10 MiB echoed, back-pressure, half-close) on the {@code tomcat}
 * transport, on Tomcat's poller ({@code switchboard.ownLoop=false}), which keeps it covered on
 * cleartext NIO: the other classes run there on the {@code tomcat-loop} transport.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EchoStreamPollerTransportOnTomcatIT extends EchoStreamScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HandlerDeployments.handlerApp("handler-poller", Map.of("switchboard.ownLoop", "false"));
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
