package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;

class SpringMetadataTest {

    private enum Mode {
        UPGRADE_REQUIRED, REDIRECT
    }

    private static final Option<Duration> IDLE = Option.duration("switchboard.idleTimeout", Duration.ofMinutes(2),
            "upgraded connections without traffic are closed");
    private static final OptionGroup GROUP = OptionGroup.builder("g", "switchboard.")
            .add(IDLE, IDLE.inheritedAs("switchboard.tls.idleTimeout", "the same for `TLS/1.x`"),
                    Option.enumeration("switchboard.tls.mode", Mode.UPGRADE_REQUIRED, "`upgrade-required` or `redirect`"),
                    Option.textList("switchboard.tls.protect", "URL patterns that require TLS"))
            .build();

    @Test
    void propertiesAreKebabCaseWithPlainDescriptionsAndLiteralDefaults() {
        String json = flat(SpringMetadata.regenerate("{}", List.of(GROUP)));

        assertThat(json).contains(flat("""
                    {
                      "name": "switchboard.idle-timeout",
                      "type": "java.time.Duration",
                      "description": "Upgraded connections without traffic are closed.",
                      "defaultValue": "2m"
                    }"""));
    }

    @Test
    void anInheritedOrEmptyDefaultIsNotShown() {
        String json = flat(SpringMetadata.regenerate("{}", List.of(GROUP)));

        assertThat(json).contains(flat("""
                      "name": "switchboard.tls.idle-timeout",
                      "type": "java.time.Duration",
                      "description": "The same for TLS/1.x."
                    }""")).contains(flat("""
                      "description": "URL patterns that require TLS."
                    }"""));
    }

    @Test
    void anEnumerationsValuesAreHints() {
        assertThat(flat(SpringMetadata.regenerate("{}", List.of(GROUP)))).contains(flat("""
                  "hints": [
                    {
                      "name": "switchboard.tls.mode",
                      "values": [
                        {
                          "value": "upgrade-required"
                        },"""));
    }

    @Test
    void theStartersOwnPropertiesAreKeptAfterTheDeclaredOnes() {
        String existing = "{\"properties\": [{\"name\": \"switchboard.tls.ssl-bundle\", \"type\": \"java.lang.String\"},"
                + "{\"name\": \"switchboard.tls.mode\", \"type\": \"old\"}]}";

        String json = SpringMetadata.regenerate(existing, List.of(GROUP));

        assertThat(json).doesNotContain("old");
        assertThat(json.indexOf("switchboard.tls.ssl-bundle")).isGreaterThan(json.indexOf("switchboard.tls.protect"));
    }

    private static String flat(String json) {
        return json.replaceAll("\\s+", " ").strip();
    }
}
