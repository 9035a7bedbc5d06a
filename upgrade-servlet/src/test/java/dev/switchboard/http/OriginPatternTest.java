package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPatternTest {

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "https://*.example.com,      https://a.example.com,          true",
        "https://*.example.com,      https://b.a.example.com,        true",
        "https://*.example.com,      https://a.example.com:443,      true",
        "https://*.example.com,      https://example.com,            false",
        "https://*.example.com,      https://evil-example.com,       false",
        "https://*.example.com,      https://a.example.com.evil.org, false",
        "https://*.example.com,      http://a.example.com,           false",
        "https://*.example.com,      https://a.example.com:8443,     false",
        "https://*.example.com:8443, https://a.example.com:8443,     true",
        "https://*.example.com:*,    https://a.example.com:9,        true",
        "https://*.Example.COM,      https://a.example.com,          true",
        "https://*.example.com,      null,                           false",
    })
    void matches(String pattern, String origin, boolean expected) {
        assertThat(OriginPattern.parse(pattern).matches(Origin.parse(origin))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*", "https://a.*.com", "https://*.example.com/", "*.example.com",
        "https://*.*.example.com", "https://*.example.com:0"})
    void malformedPatternsAreRejected(String pattern) {
        assertThatThrownBy(() -> OriginPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class);
    }
}
