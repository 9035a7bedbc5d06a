package dev.switchboard.sample;

import dev.switchboard.testing.Container;

/** The sample's checks against its executable jar: Boot 4, embedded Tomcat 11. */
class SampleOnTomcatIT extends SampleChecks {

    @Override
    protected Container container() {
        return Container.tomcat();
    }
}
