package dev.switchboard.it.jetty;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.scenarios.FilterOrderScenarios;

/** {@link FilterOrderScenarios} on the stock Jetty distribution with Switchboard's module. */
class FilterOrderOnJettyHomeIT extends FilterOrderScenarios {

    @RegisterExtension
    static final JettyHome JETTY = JettyHome.deploying(() -> FilterOrderScenarios.war());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
