package dev.switchboard.sample;

import dev.switchboard.testing.Container;

/** The sample's checks against the same application built with Boot 3.5: embedded Tomcat 10.1. */
class SampleOnBoot3TomcatIT extends SampleChecks {

    @Override
    protected Container container() {
        return Container.tomcat();
    }

    /**
     * Not under Boot 3.5 yet: a Spring session's close reaches Switchboard's statistics there
     * ({@code switchboard.connection.duration} records it) but {@code switchboard.closes} does
     * not appear in {@code /actuator/metrics}.
     */
    @Override
    protected boolean countsCloseCodes() {
        return false;
    }
}
