package dev.switchboard.it.jetty;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.it.scenarios.WebSocketMessageSizeScenarios;

/** An application-wide limit of 12 KiB, which the container's own endpoints follow too. */
class WebSocketConfiguredMessageSizeOnJettyIT extends WebSocketMessageSizeScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> WebSocketDeployments.app("ws-size12",
            Map.of("switchboard.websocket.maxMessageSize", "12KiB")));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }

    @Override
    protected int limit() {
        return 12 * 1024;
    }
}
