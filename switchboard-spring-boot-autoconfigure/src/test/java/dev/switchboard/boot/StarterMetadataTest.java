package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

/** The starter's own properties for RFC 2817 at the connector: declared with the README's meanings and defaults. */
class StarterMetadataTest {

    @Test
    void theConnectorPropertiesAreTheReadmesRowsWithTheirMeaningsAndDefaults() throws IOException {
        Map<String, Map<?, ?>> declared = new LinkedHashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            Map<String, Object> json = JsonParserFactory.getJsonParser()
                    .parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Object p : (List<?>) json.get("properties")) {
                declared.put((String) ((Map<?, ?>) p).get("name"), (Map<?, ?>) p);
            }
        }
        List<ReadmeOptions.Row> rows = ReadmeOptions.read("## Spring Boot", "## Configuration").stream()
                .filter(r -> r.property().startsWith(ConnectorTlsProperties.PREFIX)).toList();
        assertThat(rows).extracting(ReadmeOptions.Row::property).containsExactlyElementsOf(ConnectorTlsProperties.NAMES);
        for (ReadmeOptions.Row row : rows) {
            Map<?, ?> property = declared.get(row.property());
            assertThat(property).as(row.property()).isNotNull();
            assertThat(property.get("description")).as(row.property()).isEqualTo(row.meaning());
            Object value = property.get("defaultValue");
            assertThat(value == null ? null : String.valueOf(value)).as(row.property()).isEqualTo(row.defaultValue());
        }
    }
}
