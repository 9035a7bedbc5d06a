package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.HandlerTimeoutScenarios;

class HandlerTimeoutsOnJettyIT extends HandlerTimeoutScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() ->
            HandlerDeployments.handlerApp("handler-timeouts", HandlerTimeoutScenarios.CONTEXT_PARAMS));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
