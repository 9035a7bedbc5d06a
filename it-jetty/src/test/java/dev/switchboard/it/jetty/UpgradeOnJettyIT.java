package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.UpgradeScenarios;

class UpgradeOnJettyIT extends UpgradeScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> Deployments.upgradeApp("upgrade"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
