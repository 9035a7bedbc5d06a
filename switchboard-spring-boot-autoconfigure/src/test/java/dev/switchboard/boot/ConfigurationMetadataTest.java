package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

/** The configuration metadata IDEs complete from lists exactly the README's options, with their defaults and meanings. */
class ConfigurationMetadataTest {

    private static Map<String, Map<?, ?>> declared;
    private static List<ReadmeOptions.Row> readme;

    @BeforeAll
    static void read() throws IOException {
        declared = new LinkedHashMap<>();
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            Map<String, Object> json = JsonParserFactory.getJsonParser()
                    .parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Object p : (List<?>) json.get("properties")) {
                Map<?, ?> property = (Map<?, ?>) p;
                declared.put((String) property.get("name"), property);
            }
        }
        readme = ReadmeOptions.read();
    }

    @Test
    void everyOptionOfTheReadmeIsDeclared() {
        List<String> missing = readme.stream().filter(r -> !declared.containsKey(r.property()))
                .map(ConfigurationMetadataTest::entry).toList();
        assertThat(missing).as("Add to META-INF/additional-spring-configuration-metadata.json, with the right type").isEmpty();
    }

    /** The README's rows that are declared (the others are reported by {@link #everyOptionOfTheReadmeIsDeclared}). */
    private static List<ReadmeOptions.Row> declaredRows() {
        return readme.stream().filter(r -> declared.containsKey(r.property())).toList();
    }

    /** A declaration for a README row, to paste into the metadata (the type is a guess to check). */
    private static String entry(ReadmeOptions.Row row) {
        return "{\"name\": \"" + row.property() + "\", \"type\": \"java.lang.String\", \"description\": \""
                + row.meaning().replace("\"", "\\\"") + "\""
                + (row.defaultValue() == null ? "" : ", \"defaultValue\": \"" + row.defaultValue() + "\"") + "}";
    }

    @Test
    void everyDeclaredOptionIsInTheReadmeOrBelongsToTheStarter() {
        List<String> documented = readme.stream().map(ReadmeOptions.Row::property).toList();
        assertThat(declared.keySet()).allMatch(n -> documented.contains(n) || SwitchboardOptions.STARTER_PROPERTIES.contains(n));
    }

    @Test
    void everyDeclaredDescriptionIsTheReadmesMeaning() {
        for (ReadmeOptions.Row row : declaredRows()) {
            assertThat(declared.get(row.property()).get("description")).as(row.property()).isEqualTo(row.meaning());
        }
    }

    @Test
    void everyLiteralDefaultOfTheReadmeIsTheDeclaredDefault() {
        for (ReadmeOptions.Row row : declaredRows()) {
            Object value = declared.get(row.property()).get("defaultValue");
            String shown = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : value == null ? null : String.valueOf(value);
            assertThat(shown).as(row.property()).isEqualTo(row.defaultValue());
        }
    }

    @Test
    void theStarterBindsEveryDeclaredOption() {
        SwitchboardOptions options = SwitchboardOptions.load(getClass().getClassLoader());
        for (ReadmeOptions.Row row : readme) {
            assertThat(options.find(row.property())).as(row.property()).isPresent();
        }
    }
}
