package dev.switchboard.sample;

import dev.switchboard.testing.Container;
import org.eclipse.jetty.util.Jetty;

/**
 * The sample's checks against the same application on Boot 4's embedded Jetty 12.1, ee11
 * environment, with nothing of Switchboard's added for Jetty: the starter installs the Jetty
 * adapter, without which {@code /echo} would lose the bytes of a client that waits for the 101
 * before sending (as the checks' client does).
 */
class SampleOnJettyIT extends SampleChecks {

    @Override
    protected Container container() {
        return new Container("Jetty", Jetty.VERSION);
    }
}
