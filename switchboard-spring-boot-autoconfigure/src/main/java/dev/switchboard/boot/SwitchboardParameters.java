package dev.switchboard.boot;

import java.util.Map;

import dev.switchboard.servlet.Settings;

/**
 * The Switchboard context parameters a Boot application sets through its {@code switchboard.*}
 * properties, as {@link ContextParameters} read them. Immutable.
 *
 * @param values parameter values by parameter name, such as
 *     {@code switchboard.tls.protect -> /secure/*}
 */
public record SwitchboardParameters(Map<String, String> values) {

    public SwitchboardParameters {
        values = Map.copyOf(values);
    }

    /** The parameters as Switchboard's components read them. */
    public Settings settings() {
        return Settings.of(values);
    }
}
