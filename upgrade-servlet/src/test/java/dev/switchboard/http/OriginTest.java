package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


class OriginTest {

    @Test
    void schemeAndHostAreLowerCasedAndTheDefaultPortIsImplied() {
        assertThat(Origin.parse("HTTPS://App.Example.COM:443")).isEqualTo(Origin.parse("https://app.example.com"));
    }

    @Test
    void differentPortsAreDifferentOrigins() {
        assertThat(Origin.parse("http://example.com:8080").sameOrigin(Origin.parse("http://example.com"))).isFalse();
    }

    @Test
    void differentSchemesAreDifferentOrigins() {
        assertThat(Origin.parse("http://example.com").sameOrigin(Origin.parse("https://example.com"))).isFalse();
    }

    @Test
    void nullIsTheOpaqueOriginAndNotTheSameAsItself() {
        Origin opaque = Origin.parse("null");
        assertThat(opaque.isOpaque()).isTrue();
        assertThat(opaque.sameOrigin(opaque)).isFalse();
    }

    @Test
    void ipv6HostsKeepTheirBrackets() {
        Origin o = Origin.parse("http://[::1]:8080");
        assertThat(o.host()).isEqualTo("[::1]");
        assertThat(o.port()).isEqualTo(8080);
    }

    @Test
    void theRequestOriginComesFromSchemeAndHost() {
        assertThat(Origin.of("http", "Example.com:80").serialize()).isEqualTo("http://example.com:80");
        assertThat(Origin.of("http", "bad host")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "https://", "https://a.example/", "https://a.example/path",
        "https://user@a.example", "https://a.example:99999", "https://a.example:", "1ttp://a.example",
        "https://a.example https://b.example", "https://[zz]", "*"})
    void malformedOriginsAreBadRequests(String value) {
        assertThatThrownBy(() -> Origin.parse(value)).isInstanceOfSatisfying(FieldSyntaxException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }
}
