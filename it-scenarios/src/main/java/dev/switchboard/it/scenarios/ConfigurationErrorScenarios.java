package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.it.Deployments;

/**
 * A bad option fails the deployment, with a message that names the parameter, what it takes
 * and what it was, instead of starting an application that behaves differently than configured.
 */
public abstract class ConfigurationErrorScenarios {

    /**
     * Deploys {@code war} on a container of its own and stops it again.
     *
     * @return the messages of the failure that kept the application from starting, outermost
     *     first (the exception and its causes, as the container reported them); empty if it started
     */
    protected abstract List<String> deploymentFailure(WebArchive war) throws Exception;

    @ParameterizedTest(name = "{0}={1} fails the deployment: {2}")
    @CsvSource(delimiter = '|', value = {
        "switchboard.idleTimeout | soon | switchboard.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S but was \"soon\"",
        "switchboard.protocols | echo, nosuch | switchboard.protocols: no protocol provider named \"nosuch\"; available: [echo]",
        "switchboard.invalidUpgrade | strict | switchboard.invalidUpgrade: expected one of [reject, ignore] but was \"strict\"",
        "switchboard.enabled | maybe | switchboard.enabled: expected true or false but was \"maybe\"",
        "switchboard.maxContentLength | 1TiB | switchboard.maxContentLength: expected a size from 0 to 67108864 bytes (such as 64KiB) but was \"1TiB\"",
    })
    void badOptionFailsTheDeployment(String parameter, String value, String message) throws Exception {
        List<String> failure = deploymentFailure(Deployments.upgradeApp("bad", Map.of(parameter, value)));
        assertThat(failure).as("messages of the deployment failure").contains(message);
    }
}
