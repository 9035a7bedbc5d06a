package dev.switchboard.it.jetty;

import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.scenarios.ConfigurationErrorScenarios;

/** Jetty keeps the failure that made a web application unavailable: the messages are taken from there. */
class ConfigurationErrorsOnJettyIT extends ConfigurationErrorScenarios {

    @Override
    protected List<String> deploymentFailure(WebArchive war) throws Exception {
        try (EmbeddedJetty jetty = EmbeddedJetty.builder(war).allowUnavailable().start()) {
            List<String> messages = new ArrayList<>();
            for (Throwable t = jetty.unavailableCause(); t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
            return messages;
        }
    }
}
