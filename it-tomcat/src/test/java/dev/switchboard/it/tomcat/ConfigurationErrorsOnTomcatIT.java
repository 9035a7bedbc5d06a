package dev.switchboard.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.catalina.LifecycleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;

/**
 * A bad option fails the deployment, with a message that names the parameter, what it takes
 * and what it was, instead of starting an application that behaves differently than configured.
 */
class ConfigurationErrorsOnTomcatIT {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger catalina = Logger.getLogger("org.apache.catalina");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                logged.add(String.valueOf(t.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        catalina.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        catalina.removeHandler(capture);
    }

    @ParameterizedTest(name = "{0}={1} fails the deployment: {2}")
    @CsvSource(delimiter = '|', value = {
        "switchboard.idleTimeout | soon | switchboard.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S but was \"soon\"",
        "switchboard.protocols | echo, nosuch | switchboard.protocols: no protocol provider named \"nosuch\"; available: [echo]",
        "switchboard.invalidUpgrade | strict | switchboard.invalidUpgrade: expected one of [reject, ignore] but was \"strict\"",
        "switchboard.enabled | maybe | switchboard.enabled: expected true or false but was \"maybe\"",
        "switchboard.maxContentLength | 1TiB | switchboard.maxContentLength: expected a size from 0 to 67108864 bytes (such as 64KiB) but was \"1TiB\"",
    })
    void badOptionFailsTheDeployment(String parameter, String value, String message) throws Exception {
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(Deployments.upgradeApp("bad", Map.of(parameter, value)))) {
            assertThat(tomcat.context().getState()).isNotEqualTo(LifecycleState.STARTED);
            assertThat(logged).contains(message);
        }
    }
}
