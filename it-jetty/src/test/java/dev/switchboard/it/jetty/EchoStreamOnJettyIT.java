package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.scenarios.EchoStreamScenarios;

class EchoStreamOnJettyIT extends EchoStreamScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> HandlerDeployments.handlerApp("handler"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
