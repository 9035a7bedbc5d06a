package dev.switchboard.it.jetty;

import org.junit.jupiter.api.AfterAll;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.it.scenarios.WebSocketShutdownScenarios;

/** The application stopped the way a deployer undeploys it: its context stops while Jetty runs on. */
class WebSocketShutdownOnJettyIT extends WebSocketShutdownScenarios {

    private static EmbeddedJetty jetty;

    @Override
    protected ServerUnderTest server() {
        return jetty.server();
    }

    @Override
    protected void startApplication() throws Exception {
        jetty = EmbeddedJetty.start(WebSocketDeployments.app("ws-shutdown"));
    }

    @Override
    protected void stopApplication() throws Exception {
        jetty.context().stop();
    }

    @AfterAll
    static void stopJetty() {
        if (jetty != null) {
            jetty.close();
            jetty = null;
        }
    }
}
