package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.it.scenarios.WebSocketPolicyScenarios;

class WebSocketPolicyOnJettyIT extends WebSocketPolicyScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> WebSocketDeployments.app("ws-websocketpolicy", PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
