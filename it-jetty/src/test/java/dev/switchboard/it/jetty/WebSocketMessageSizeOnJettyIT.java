package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.it.scenarios.WebSocketMessageSizeScenarios;

/** The documented default limit, below Jetty's own 64 KiB. */
class WebSocketMessageSizeOnJettyIT extends WebSocketMessageSizeScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> WebSocketDeployments.app("ws-size"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
