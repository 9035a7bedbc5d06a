package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.JmxScenarios;

class JmxOnJettyIT extends JmxScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> JmxScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }

    /** With upgrade-jetty, {@code switchboard.transport=auto} picks Jetty's own. */
    @Override
    protected String transport() {
        return "jetty";
    }
}
