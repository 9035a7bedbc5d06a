package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolTokenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPG-01 a name alone               | websocket | websocket | ''
            UPG-01 a name and a version       | echo/1    | echo      | 1
            UPG-01 a version with dots        | TLS/1.2   | TLS       | 1.2
            UPG-01 upper-case letters         | H2C       | H2C       | ''
            """)
    void parsesAValidProtocol(String label, String text, String name, String version) {
        ProtocolToken token = ProtocolToken.parse(text);

        assertThat(token.name()).isEqualTo(name);
        assertThat(token.version().orElse("")).isEqualTo(version);
        assertThat(token.hasVersion()).isEqualTo(!version.isEmpty());
        assertThat(token.toString()).isEqualTo(text);
    }

    // The compiler turns the Unicode escape in the last row into the control character itself.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPG-13 nothing                      | ''          | expected token but was end of field at offset 0
            UPG-13 a version without a name     | /1          | expected token but was '/' at offset 0
            UPG-13 a slash without a version    | echo/       | expected token but was end of field at offset 5
            UPG-13 two versions                 | echo/1/2    | expected end of protocol but was '/' at offset 6
            UPG-13 leading whitespace           | ' echo'     | expected token but was space at offset 0
            UPG-13 trailing whitespace          | 'echo '     | expected end of protocol but was space at offset 4
            UPG-13 a list                       | 'a,b'       | expected end of protocol but was ',' at offset 1
            UPG-13 a quoted name                | '"echo"'    | expected token but was '"' at offset 0
            UPG-13 a non-ASCII letter           | échô        | expected token but was character U+00E9 at offset 0
            UPG-13 a control character          | ec\u0001ho | expected end of protocol but was character U+0001 at offset 2
            """)
    void refusesAnInvalidProtocolWithAOneLineReason(String label, String text, String reason) {
        assertThatThrownBy(() -> ProtocolToken.parse(text))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldName()).isEqualTo("Upgrade");
                    assertThat(e.reason()).isEqualTo("Invalid Upgrade field: " + reason);
                });
    }

    @Test
    @DisplayName("UPG-01 every tchar may appear in the name and in the version")
    void acceptsEveryTchar() {
        String tchars = "!#$%&'*+-.^_`|~09azAZ";
        ProtocolToken token = ProtocolToken.parse(tchars + "/" + tchars);

        assertThat(token.name()).isEqualTo(tchars);
        assertThat(token.version()).contains(tchars);
    }

    @Test
    @DisplayName("UPG-14 protocol names compare case-insensitively")
    void namesCompareIgnoringCase() {
        ProtocolToken lower = ProtocolToken.parse("websocket");
        ProtocolToken mixed = ProtocolToken.parse("WebSocket");

        assertThat(mixed).isEqualTo(lower).hasSameHashCodeAs(lower);
        assertThat(mixed.matches(lower)).isTrue();
    }

    @Test
    @DisplayName("UPG-14 protocol versions compare exactly, case included")
    void versionsCompareExactly() {
        assertThat(ProtocolToken.parse("foo/A")).isNotEqualTo(ProtocolToken.parse("foo/a"));
        assertThat(ProtocolToken.parse("foo/A").matches(ProtocolToken.parse("foo/a"))).isFalse();
    }

    @Test
    @DisplayName("UPG-07 an offered version never matches another version")
    void anotherVersionDoesNotMatch() {
        assertThat(ProtocolToken.parse("foo/2").matches(ProtocolToken.parse("foo/1"))).isFalse();
    }

    @Test
    @DisplayName("UPG-07 a name without a version matches only a name without a version")
    void aMissingVersionMatchesOnlyAMissingVersion() {
        assertThat(ProtocolToken.parse("foo").matches(ProtocolToken.parse("foo/1"))).isFalse();
        assertThat(ProtocolToken.parse("foo/1").matches(ProtocolToken.parse("foo"))).isFalse();
        assertThat(ProtocolToken.parse("FOO").matches(ProtocolToken.parse("foo"))).isTrue();
    }

    @Test
    void matchesNothingAgainstNull() {
        assertThat(ProtocolToken.parse("foo").matches(null)).isFalse();
    }

    @Test
    void keepsTheSpellingItWasGiven() {
        assertThat(ProtocolToken.parse("WebSocket").name()).isEqualTo("WebSocket");
        assertThat(ProtocolToken.of("TLS", "1.3")).hasToString("TLS/1.3");
    }

    @Test
    void hasNameComparesTheNameOnlyIgnoringCase() {
        ProtocolToken token = ProtocolToken.parse("Echo/1");

        assertThat(token.hasName("echo")).isTrue();
        assertThat(token.hasName("ECHO")).isTrue();
        assertThat(token.hasName("echo/1")).isFalse();
        assertThat(token.hasName(null)).isFalse();
    }

    @Test
    void ofBuildsTheSameTokenAsParse() {
        assertThat(ProtocolToken.of("echo", "1")).isEqualTo(ProtocolToken.parse("echo/1"));
        assertThat(ProtocolToken.of("h2c")).isEqualTo(ProtocolToken.parse("h2c"));
    }

    @Test
    void ofRefusesANameThatIsNotAToken() {
        assertThatThrownBy(() -> ProtocolToken.of("a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a token for the protocol name but was \"a b\"");
    }

    @Test
    void ofRefusesAVersionThatIsNotAToken() {
        assertThatThrownBy(() -> ProtocolToken.of("echo", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a token for the protocol version but was \"\"");
    }

    @Test
    void ofRefusesANullName() {
        assertThatThrownBy(() -> ProtocolToken.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a token for the protocol name but was null");
    }

    @Test
    void ofEscapesControlCharactersInItsMessage() {
        assertThatThrownBy(() -> ProtocolToken.of("a\r\nb"))
                .hasMessage("expected a token for the protocol name but was \"a\\x0D\\x0Ab\"");
    }
}
