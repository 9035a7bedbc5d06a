package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.it.scenarios.WebSocketHandshakeScenarios;

class WebSocketHandshakeOnJettyIT extends WebSocketHandshakeScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> WebSocketDeployments.app("ws-handshake"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
