package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.HandlerCloseScenarios;

class HandlerCloseOnJettyIT extends HandlerCloseScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> HandlerDeployments.handlerApp("handler-close"));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
