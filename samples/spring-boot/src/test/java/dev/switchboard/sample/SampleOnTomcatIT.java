package dev.switchboard.sample;

/** The sample's checks against its executable jar: Boot 4, embedded Tomcat 11. */
class SampleOnTomcatIT extends SampleChecks {
}
