package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedOriginsTest {

    private static final AllowedOrigins CONFIGURED = AllowedOrigins.parse(
            "https://app.example.com http://localhost:8080 https://*.example.org wss://*.example.net:*");

    @ParameterizedTest(name = "{0} from {1}, https={2}, Host {3}")
    @DisplayName("By default only the request's own origin is allowed")
    @CsvSource(delimiter = '|', textBlock = """
            allowed    | http://gw.example:8080     | false | gw.example:8080
            allowed    | HTTP://GW.Example:8080     | false | gw.example:8080
            allowed    | https://gw.example         | true  | gw.example
            allowed    | https://gw.example:443     | true  | gw.example
            allowed    | http://[::1]:8080          | false | [::1]:8080
            allowed    | http://[0:0::1]:8080       | false | [::1]:8080
            refused    | http://127.1:8080          | false | 127.0.0.1:8080
            refused    | http://gw.example:0        | false | gw.example
            refused    | http://gw.example:         | false | gw.example
            refused    | https://gw.example:8080    | false | gw.example:8080
            refused    | http://gw.example          | false | gw.example:8080
            refused    | http://evil.example:8080   | false | gw.example:8080
            refused    | http://gw.example:8080/    | false | gw.example:8080
            refused    | http://user@gw.example     | false | gw.example
            refused    | null                       | false | gw.example
            refused    | http://gw.example          | false |
            """)
    void sameOriginByDefault(String expected, String origin, boolean secure, String host) {
        assertThat(AllowedOrigins.SAME_ORIGIN.allows(origin, secure, host)).isEqualTo(expected.equals("allowed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @DisplayName("Configured origins and patterns replace same-origin")
    @CsvSource(delimiter = '|', textBlock = """
            allowed    | https://app.example.com
            allowed    | https://app.example.com:443
            allowed    | http://localhost:8080
            allowed    | https://a.example.org
            allowed    | https://b.a.example.org
            allowed    | wss://a.example.net:9443
            refused    | http://app.example.com
            refused    | http://localhost
            refused    | https://example.org
            refused    | https://evil-example.org
            refused    | https://a.example.org:8443
            refused    | http://gw.example:8080
            refused    | null
            """)
    void configuredOrigins(String expected, String origin) {
        assertThat(CONFIGURED.allows(origin, false, "gw.example:8080")).isEqualTo(expected.equals("allowed"));
    }

    @Test
    @DisplayName("same-origin can be listed with other origins")
    void sameOriginWithOthers() {
        AllowedOrigins allowed = AllowedOrigins.parse("same-origin https://app.example.com");
        assertThat(allowed.allows("http://gw.example", false, "gw.example")).isTrue();
        assertThat(allowed.allows("https://app.example.com", false, "gw.example")).isTrue();
    }

    @Test
    @DisplayName("* allows any origin, the opaque one included")
    void anyOrigin() {
        assertThat(AllowedOrigins.parse("*").allows("null", false, "gw.example")).isTrue();
        assertThat(AllowedOrigins.parse("*").allows("https://evil.example", false, "gw.example")).isTrue();
    }

    @Test
    @DisplayName("null allows the opaque origin of sandboxed pages")
    void opaqueOrigin() {
        assertThat(AllowedOrigins.parse("null").allows("null", false, "gw.example")).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("An entry that is no origin, pattern or keyword is rejected, naming it")
    @CsvSource(delimiter = '|', textBlock = """
            app.example.com
            https://
            https://app.example.com/path
            https://app.example.com:*
            https://*.example.*
            https://a.*.example.com
            https://app.example.com:99999
            """)
    void rejectsMalformedEntries(String entry) {
        assertThatThrownBy(() -> AllowedOrigins.parse("same-origin " + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("but was \"" + entry + "\"");
    }

    @Test
    @DisplayName("An empty list is rejected: a route would be closed to every browser by accident")
    void rejectsNothing() {
        assertThatThrownBy(() -> AllowedOrigins.parse("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
