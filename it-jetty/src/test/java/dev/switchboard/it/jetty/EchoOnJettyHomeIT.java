package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.EchoScenarios;

/** {@link EchoScenarios} on the stock Jetty distribution with Switchboard's module. */
class EchoOnJettyHomeIT extends EchoScenarios {

    @RegisterExtension
    static final JettyHome JETTY = JettyHome.deploying(() -> Deployments.upgradeApp("echo"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
