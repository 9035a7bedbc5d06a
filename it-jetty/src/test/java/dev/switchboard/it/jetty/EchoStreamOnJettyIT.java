package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.HandlerDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.EchoStreamScenarios;

/**
 * The stream scenarios (10 MiB echoed, back-pressure, half-close) on both transports: on ee10
 * over the Servlet streams of the adapter ({@code switchboard.transport=servlet}), on ee11 over
 * Jetty's own transport, which every other Jetty class runs on.
 */
class EchoStreamOnJettyIT extends EchoStreamScenarios {

    /** The transport this class runs on in the current environment. */
    static final String TRANSPORT = JettyEnvironment.name().equals("ee10") ? "servlet" : "auto";

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.with(() -> EmbeddedJetty
            .builder(HandlerDeployments.handlerApp("handler"))
            .customize(context -> JettyEnvironment.setInitParameter(context, "switchboard.transport", TRANSPORT)));

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
