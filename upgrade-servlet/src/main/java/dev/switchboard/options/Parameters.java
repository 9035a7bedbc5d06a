package dev.switchboard.options;

import java.util.Map;
import java.util.Optional;

/**
 * Configuration text by parameter name: filter init-params and context params, a map in code,
 * or an annotation's attributes. {@link Option}s read and parse it.
 */
@FunctionalInterface
public interface Parameters {

    /** The value of {@code name}, trimmed; empty when absent or blank. */
    Optional<String> get(String name);

    /** A fixed map, copied; blank values count as absent. */
    static Parameters of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> {
            String v = copy.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        };
    }
}
