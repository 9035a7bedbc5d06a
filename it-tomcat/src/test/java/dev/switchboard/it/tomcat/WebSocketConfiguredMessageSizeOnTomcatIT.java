package dev.switchboard.it.tomcat;

import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.it.scenarios.WebSocketMessageSizeScenarios;

/**
 * An application-wide limit above Tomcat's own 8 KiB default: {@code /a/container} passes a
 * 12 KiB message only because Switchboard set the container's default from it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSocketConfiguredMessageSizeOnTomcatIT extends WebSocketMessageSizeScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WebSocketDeployments.app("ws-size12", Map.of("switchboard.websocket.maxMessageSize", "12KiB"));
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }

    @Override
    protected int limit() {
        return 12 * 1024;
    }
}
