package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.WebSocketRefusalCloseScenarios;

class WebSocketRefusalCloseOnJettyIT extends WebSocketRefusalCloseScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> WebSocketRefusalCloseScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
