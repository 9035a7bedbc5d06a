package dev.switchboard.it.jetty;

import org.junit.jupiter.api.AfterAll;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.UndeployScenarios;

/** The application stopped the way a deployer undeploys it: its context stops while Jetty runs on. */
class UndeployOnJettyIT extends UndeployScenarios {

    private static EmbeddedJetty jetty;

    @Override
    protected ServerUnderTest server() {
        return jetty.server();
    }

    @Override
    protected void startApplication() throws Exception {
        jetty = EmbeddedJetty.start(deployment(NAME));
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
