package dev.switchboard.it.tomcat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.catalina.LifecycleState;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.scenarios.ConfigurationErrorScenarios;

/** Tomcat reports a context that fails to start in its log: the messages are taken from there. */
class ConfigurationErrorsOnTomcatIT extends ConfigurationErrorScenarios {

    @Override
    protected List<String> deploymentFailure(WebArchive war) throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
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
        Logger catalina = Logger.getLogger("org.apache.catalina");
        catalina.addHandler(capture);
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(war)) {
            return tomcat.context().getState() == LifecycleState.STARTED ? List.of() : List.copyOf(logged);
        } finally {
            catalina.removeHandler(capture);
        }
    }
}
