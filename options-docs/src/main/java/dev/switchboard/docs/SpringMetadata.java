package dev.switchboard.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionType.Kind;

/**
 * Spring Boot's configuration metadata for every declared option: the property in Boot's
 * kebab-case ({@code switchboard.tls.keystore-reload-interval}), a Java type Boot binds, the
 * description as plain text and the default where it is a literal; the values of enumerations
 * as hints. Properties the file holds besides, which belong to the starter itself, are kept
 * after them.
 */
final class SpringMetadata {

    /** The starter's hand-kept metadata, which Boot's annotation processor merges. */
    static final String FILE =
            "switchboard-spring-boot-autoconfigure/src/main/resources/META-INF/additional-spring-configuration-metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpringMetadata() {
    }

    /** {@code existing} with the declared options' properties and hints regenerated from {@code groups}. */
    static String regenerate(String existing, List<OptionGroup> groups) {
        Map<String, ObjectNode> properties = new LinkedHashMap<>();
        Map<String, ObjectNode> hints = new LinkedHashMap<>();
        for (OptionGroup group : groups) {
            for (Option<?> option : group.options()) {
                String name = kebabCase(option.name());
                properties.putIfAbsent(name, property(name, option));
                if (option.type().kind() == Kind.ENUM) {
                    hints.putIfAbsent(name, hint(name, option.type().choices()));
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode all = root.putArray("properties");
        properties.values().forEach(all::add);
        ArrayNode allHints = root.putArray("hints");
        hints.values().forEach(allHints::add);
        for (JsonNode own : read(existing).path("properties")) {
            if (!properties.containsKey(own.path("name").asText())) {
                all.add(own);
            }
        }
        return write(root);
    }

    private static ObjectNode property(String name, Option<?> option) {
        ObjectNode p = JSON.createObjectNode();
        p.put("name", name);
        p.put("type", javaType(option.type().kind()));
        p.put("description", plain(option.doc()));
        String shown = defaultValue(option);
        if (shown != null) {
            switch (option.type().kind()) {
                case BOOLEAN -> p.put("defaultValue", Boolean.parseBoolean(shown));
                case INTEGER -> p.put("defaultValue", Integer.parseInt(shown));
                case LIST -> List.of(shown.split(", ")).forEach(p.putArray("defaultValue")::add);
                default -> p.put("defaultValue", shown);
            }
        }
        return p;
    }

    private static ObjectNode hint(String name, List<String> choices) {
        ObjectNode h = JSON.createObjectNode();
        h.put("name", name);
        ArrayNode values = h.putArray("values");
        choices.forEach(c -> values.addObject().put("value", c));
        return h;
    }

    /**
     * The default as text, or null where the README shows none as a value: unset, empty,
     * another option's, or described in words ({@code (any host)}).
     */
    private static <T> String defaultValue(Option<T> option) {
        if (option.defaultValue() == null || option.inherits().isPresent() || !option.defaultText().startsWith("`")) {
            return null;
        }
        String text = option.type().format(option.defaultValue());
        return text.isEmpty() ? null : text;
    }

    private static String javaType(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> "java.lang.Boolean";
            case INTEGER -> "java.lang.Integer";
            case DURATION -> "java.time.Duration";
            case LIST -> "java.util.List<java.lang.String>";
            default -> "java.lang.String"; // sizes take KiB and MiB, which Boot's DataSize does not
        };
    }

    /** The one-line Markdown as a plain sentence: no links or code marks, a capital, a full stop. */
    static String plain(String markdown) {
        String s = markdown.replaceAll("\\[([^\\]]+)\\]\\([^)]+\\)", "$1").replace("`", "").strip();
        if (!markdown.startsWith("`")) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1); // a value such as `reject` keeps its case
        }
        return s.endsWith(".") ? s : s + ".";
    }

    /** {@code switchboard.tls.keystoreReloadInterval} as {@code switchboard.tls.keystore-reload-interval}. */
    static String kebabCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
