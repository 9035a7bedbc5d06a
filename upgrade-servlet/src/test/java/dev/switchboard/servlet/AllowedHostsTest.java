package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsTest {

    private static AllowedHosts hosts(String entries) {
        return AllowedHosts.of(Arrays.stream(entries.split(",")).map(String::trim).toList());
    }

    @ParameterizedTest(name = "WS-15 allowed [{0}], Host: [{1}], default port {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        // names, any port
        "localhost            | localhost                | 80  | true",
        "localhost            | localhost:8080           | 80  | true",
        "localhost            | LOCALHOST:8080           | 80  | true",
        "LocalHost            | localhost                | 80  | true",
        "localhost            | localhost.               | 80  | true",
        "localhost.           | localhost:8080           | 80  | true",
        "localhost            | localhost:               | 80  | true",
        "localhost            | rebind.example:8080      | 80  | false",
        "localhost            | localhost.rebind.example | 80  | false",
        "localhost            | notlocalhost             | 80  | false",
        "localhost            | localhost..              | 80  | false",
        // names with a port
        "example.com:8443     | example.com:8443         | 443 | true",
        "example.com:8443     | example.com:443          | 443 | false",
        "example.com:443      | example.com              | 443 | true",
        "example.com:443      | example.com              | 80  | false",
        "example.com:80       | example.com:080          | 443 | true",
        // wildcards
        "*.example.com        | chat.example.com         | 80  | true",
        "*.example.com        | a.b.example.com:8080     | 80  | true",
        "*.example.com        | example.com              | 80  | false",
        "*.example.com        | evilexample.com          | 80  | false",
        "*.example.com:8443   | chat.example.com:8443    | 443 | true",
        "*.example.com:8443   | chat.example.com         | 443 | false",
        // IPv4
        "127.0.0.1            | 127.0.0.1:8080           | 80  | true",
        "127.0.0.1            | 127.0.0.2                | 80  | false",
        "127.0.0.1            | 127.1                    | 80  | false",
        "127.0.0.1            | 127.000.000.001          | 80  | false",
        // IPv6
        "[::1]                | [::1]:8080               | 80  | true",
        "[::1]                | [0:0:0:0:0:0:0:1]        | 80  | true",
        "[::1]:8080           | [::1]:8080               | 80  | true",
        "[::1]:8080           | [::1]:8081               | 80  | false",
        "[::1]                | ::1                      | 80  | false",
        "[::1]                | [::1%25lo]               | 80  | false",
        "[::1]                | [::1]x                   | 80  | false",
        "[::1]                | [::2]                    | 80  | false",
        "[2001:DB8::A]        | [2001:db8::a]            | 80  | true",
        // not hosts at all
        "localhost            | NULL                     | 80  | false",
        "localhost            | ''                       | 80  | false",
        "localhost            | user@localhost           | 80  | false",
        "localhost            | localhost/path           | 80  | false",
        "localhost            | localhost:8080:1         | 80  | false",
        "localhost            | localhost:65536          | 80  | false",
        "localhost            | localhost:-1             | 80  | false",
        "localhost            | localhost:+80            | 80  | false",
        "localhost            | 'localhost '             | 80  | false",
        "localhost            | lоcalhost                | 80  | false",
    })
    void matchesTheHostField(String allowed, String host, int defaultPort, boolean expected) {
        assertThat(hosts(allowed).allows(host, defaultPort)).isEqualTo(expected);
    }

    @Test
    @DisplayName("WS-15 with nothing configured every host is allowed, even a missing one")
    void emptyAllowsAny() {
        AllowedHosts any = AllowedHosts.of(List.of());
        assertThat(any.isAny()).isTrue();
        assertThat(any.allows("rebind.example:8080", 80)).isTrue();
        assertThat(any.allows(null, 80)).isTrue();
    }

    @Test
    @DisplayName("WS-15 a star among the entries allows every host")
    void starAllowsAny() {
        assertThat(hosts("localhost, *").isAny()).isTrue();
    }

    @Test
    @DisplayName("WS-15 a host is allowed when any one entry matches it")
    void anyEntryMatches() {
        AllowedHosts h = hosts("127.0.0.1, localhost, [::1], chat.example");
        assertThat(h.allows("chat.example:8080", 80)).isTrue();
        assertThat(h.allows("[::1]:8080", 80)).isTrue();
        assertThat(h.allows("rebind.example:8080", 80)).isFalse();
    }

    @ParameterizedTest(name = "WS-15 entry [{0}] is refused")
    @ValueSource(strings = {"", "exa mple.com", "example.com/x", "user@example.com", "*.[::1]", "*.127.0.0.1",
        "**.example.com", "example.*", "::1", "[::1", "example.com:99999", "example..com"})
    void refusesEntriesThatAreNotHosts(String entry) {
        assertThatThrownBy(() -> AllowedHosts.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + entry + "\"");
    }

    @Test
    void describesItsEntriesNormalised() {
        assertThat(hosts("LocalHost., [0:0::1]:8080, *.Example.com").toString())
                .isEqualTo("localhost, [0:0:0:0:0:0:0:1]:8080, *.example.com");
    }

    @Test
    void theSettingNamesItselfInErrors() {
        Settings settings = Settings.of(java.util.Map.of(UpgradeOptions.ALLOWED_HOSTS, "localhost, a b"));
        assertThatThrownBy(() -> UpgradeOptions.from(settings))
                .hasMessageStartingWith("switchboard.allowedHosts: expected a host")
                .hasMessageContaining("\"a b\"");
    }
}
