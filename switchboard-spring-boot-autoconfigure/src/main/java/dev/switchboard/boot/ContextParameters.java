package dev.switchboard.boot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import dev.switchboard.websocket.WebSocketOptions;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The {@code switchboard.*} properties of a Boot application as Switchboard's context
 * parameters, read in Boot's relaxed style: {@code switchboard.tls.keystore-reload-interval},
 * {@code switchboard.tls.keystoreReloadInterval} and {@code SWITCHBOARD_TLS_KEYSTORERELOADINTERVAL}
 * all set {@code switchboard.tls.keystoreReloadInterval}, and a YAML list sets a comma-separated
 * value. Besides the declared options, two families are open-ended:
 * {@code switchboard.websocket.endpoint.<name>.<option>} (one WebSocket endpoint's policy) and
 * {@code switchboard.<protocol>.<handler limit>} (one protocol's handler limits). Values are
 * passed on as written; Switchboard checks them when it starts, naming the parameter.
 */
final class ContextParameters {

    private static final Logger LOG = Logger.getLogger(ContextParameters.class.getName());

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("switchboard");
    private static final String ENDPOINT_PREFIX = WebSocketOptions.ENDPOINT_PREFIX;

    private ContextParameters() {
    }

    /** The context parameters the environment sets, by parameter name. */
    static Map<String, String> of(Environment environment, SwitchboardOptions options) {
        Binder binder = Binder.get(environment);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (SwitchboardOptions.Option option : options.all()) {
            bind(binder, ConfigurationPropertyName.of(option.property()), option.list())
                    .ifPresent(value -> parameters.put(option.parameter(), value));
        }
        List<String> unknown = new ArrayList<>();
        for (ConfigurationPropertyName name : namesUnderRoot(environment)) {
            String written = written(name);
            if (options.find(written).isPresent() || isStarterProperty(written)) {
                continue;
            }
            Optional<Family> family = family(name, options);
            if (family.isEmpty()) {
                refuseRemoved(written);
                unknown.add(written);
                continue;
            }
            bind(binder, name, family.get().list()).ifPresent(value -> parameters.put(family.get().parameter(), value));
        }
        if (!unknown.isEmpty()) {
            LOG.warning("Not Switchboard options, ignored: " + unknown);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Fails on a trusted-proxies list of the TLS policy or of a WebSocket endpoint, which
     * {@code switchboard.trusted-proxies} replaced: a security setting ignored with a warning
     * would leave the application believing no proxy, or the wrong ones.
     */
    private static void refuseRemoved(String written) {
        if (SwitchboardOptions.uniform(written).endsWith(".trustedproxies")) {
            throw new SwitchboardConfigurationException(written + " is no longer read",
                    "Name the proxies in switchboard.trusted-proxies: one list for the TLS policy, WebSocket "
                            + "origin checks and the tunnel.");
        }
    }

    private static boolean isStarterProperty(String name) {
        for (String p : SwitchboardOptions.STARTER_PROPERTIES) {
            if (SwitchboardOptions.uniform(name).equals(SwitchboardOptions.uniform(p))) {
                return true;
            }
        }
        return false;
    }

    /** A name of an open-ended family, and the parameter it sets. */
    private record Family(String parameter, boolean list) {
    }

    private static Optional<Family> family(ConfigurationPropertyName name, SwitchboardOptions options) {
        int n = name.getNumberOfElements();
        String written = written(name);
        if (n >= 5 && SwitchboardOptions.uniform(written).startsWith(ENDPOINT_PREFIX)) {
            String endpoint = name.getElement(3, Form.ORIGINAL);
            String option = written(name.subName(4));
            return options.find(WebSocketOptions.PREFIX + option)
                    .filter(o -> SwitchboardOptions.ENDPOINT_KEYS.contains(key(o)))
                    .map(o -> new Family(ENDPOINT_PREFIX + endpoint + "." + key(o), o.list()));
        }
        if (n == 3) {
            String limit = SwitchboardOptions.uniform(name.getElement(2, Form.DASHED));
            for (String l : SwitchboardOptions.HANDLER_LIMITS) {
                if (SwitchboardOptions.uniform(l).equals(limit)) {
                    return Optional.of(new Family("switchboard." + name.getElement(1, Form.ORIGINAL) + "." + l, false));
                }
            }
        }
        return Optional.empty();
    }

    /** A WebSocket option's parameter without {@code switchboard.websocket.} ({@code maxSessions}). */
    private static String key(SwitchboardOptions.Option option) {
        return option.parameter().substring(WebSocketOptions.PREFIX.length());
    }

    private static Optional<String> bind(Binder binder, ConfigurationPropertyName name, boolean list) {
        if (list) {
            return Optional.ofNullable(binder.bind(name, Bindable.listOf(String.class))
                    .map(values -> String.join(", ", values)).orElse(null));
        }
        return Optional.ofNullable(binder.bind(name, Bindable.of(String.class)).orElse(null));
    }

    /** The names under {@code switchboard.}, without list indexes, each once. */
    private static Set<ConfigurationPropertyName> namesUnderRoot(Environment environment) {
        Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(ROOT::isAncestorOf).map(ContextParameters::withoutIndex).forEach(names::add);
            }
        }
        return names;
    }

    private static ConfigurationPropertyName withoutIndex(ConfigurationPropertyName name) {
        ConfigurationPropertyName n = name;
        while (n.isLastElementIndexed()) {
            n = n.getParent();
        }
        return n;
    }

    private static String written(ConfigurationPropertyName name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(name.getElement(i, Form.DASHED));
        }
        return out.toString();
    }
}
