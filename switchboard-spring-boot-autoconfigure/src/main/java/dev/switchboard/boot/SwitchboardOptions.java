package dev.switchboard.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.switchboard.servlet.HandlerDeclarations;
import dev.switchboard.websocket.EndpointDeclarations;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.ClassUtils;

/**
 * Switchboard's options as Boot properties: the declarations of this jar's configuration
 * metadata ({@value #METADATA}), each the kebab-case form of a Switchboard context
 * parameter ({@code switchboard.tls.keystore-reload-interval} for
 * {@code switchboard.tls.keystoreReloadInterval}). The metadata is what IDEs complete from and
 * what {@link ContextParameters} binds, so an option is declared to Boot exactly once; a test
 * holds it to the README's configuration tables. Immutable.
 */
final class SwitchboardOptions {

    /** Where the declarations are: this jar's hand-kept part of Boot's configuration metadata. */
    static final String METADATA = "META-INF/additional-spring-configuration-metadata.json";

    /** Properties of the starter itself, which are not Switchboard context parameters. */
    static final Set<String> STARTER_PROPERTIES = Stream.concat(
            Stream.of("switchboard.websocket.endpoint", SslBundleKeyStore.PROPERTY),
            Stream.concat(ConnectorTlsProperties.NAMES.stream(), ConnectionBuffersProperties.NAMES.stream()))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The keys of the handler limits each protocol may set under its own prefix
     * ({@code idleTimeout}, set as {@code switchboard.<protocol>.idle-timeout}), as declared.
     */
    static final List<String> HANDLER_LIMITS = HandlerDeclarations.GROUP.options().stream()
            .map(HandlerDeclarations.GROUP::key).toList();

    /**
     * The keys of the options one WebSocket endpoint may set under
     * {@code switchboard.websocket.endpoint.<name>.} ({@code maxSessions}), as declared; none
     * without {@code upgrade-websocket}.
     */
    static final Set<String> ENDPOINT_KEYS = ClassUtils.isPresent(
            "dev.switchboard.websocket.EndpointDeclarations", SwitchboardOptions.class.getClassLoader())
            ? EndpointKeys.declared() : Set.of();

    /**
     * One option.
     *
     * @param property the Boot property, kebab-case
     * @param parameter the Switchboard context parameter it sets
     * @param list whether it takes a list (YAML lists and comma-separated values alike)
     */
    record Option(String property, String parameter, boolean list) {
    }

    private final Map<String, Option> byUniformName;

    private SwitchboardOptions(Map<String, Option> byUniformName) {
        this.byUniformName = byUniformName;
    }

    /** The options declared in every copy of {@value #METADATA} that {@code loader} sees. */
    static SwitchboardOptions load(ClassLoader loader) {
        Map<String, Option> options = new LinkedHashMap<>();
        try {
            Enumeration<URL> resources = loader.getResources(METADATA);
            while (resources.hasMoreElements()) {
                for (Object property : properties(resources.nextElement())) {
                    if (property instanceof Map<?, ?> p && p.get("name") instanceof String name
                            && name.startsWith("switchboard.") && !STARTER_PROPERTIES.contains(name)) {
                        String type = String.valueOf(p.get("type"));
                        options.put(uniform(name), new Option(name, camelCase(name), type.startsWith("java.util.List")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Switchboard's configuration metadata", e);
        }
        if (options.isEmpty()) {
            throw new IllegalStateException("No Switchboard options in " + METADATA + ": is the starter's jar intact?");
        }
        return new SwitchboardOptions(Collections.unmodifiableMap(options));
    }

    private static List<?> properties(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            Map<String, Object> json = JsonParserFactory.getJsonParser()
                    .parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return json.get("properties") instanceof List<?> list ? list : List.of();
        }
    }

    /** The option whose property is {@code name} in any of Boot's relaxed forms. */
    Optional<Option> find(String name) {
        return Optional.ofNullable(byUniformName.get(uniform(name)));
    }

    /** Every option, in declaration order. */
    List<Option> all() {
        return new ArrayList<>(byUniformName.values());
    }

    /** Reads {@code upgrade-websocket}'s declarations, only once it is known to be present. */
    private static final class EndpointKeys {

        static Set<String> declared() {
            return EndpointDeclarations.GROUP.options().stream().map(EndpointDeclarations.GROUP::key)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * A name as Boot compares names loosely: lower case, without dashes or underscores within
     * an element ({@code switchboard.tls.keystoreReloadInterval},
     * {@code switchboard.tls.keystore-reload-interval} and {@code switchboard.tls.keystorereloadinterval}
     * are one name).
     */
    static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** {@code switchboard.tls.keystore-reload-interval} to {@code switchboard.tls.keystoreReloadInterval}. */
    static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
