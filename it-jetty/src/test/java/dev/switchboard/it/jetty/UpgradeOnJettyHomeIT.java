package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.UpgradeScenarios;

/** {@link UpgradeScenarios} on the stock Jetty distribution with Switchboard's module. */
class UpgradeOnJettyHomeIT extends UpgradeScenarios {

    @RegisterExtension
    static final JettyHome JETTY = JettyHome.deploying(() -> Deployments.upgradeApp("upgrade"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
