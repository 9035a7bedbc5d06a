package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionTest {

    static Stream<Arguments> upgradeOption() {
        return Stream.of(
                row("UPG-03 the option alone", true, "upgrade"),
                row("UPG-03 the option capitalised", true, "Upgrade"),
                row("UPG-03 the option in upper case", true, "UPGRADE"),
                row("UPG-03 the option after another", true, "keep-alive, Upgrade"),
                row("UPG-03 the option before another, no space", true, "Upgrade,HTTP2-Settings"),
                row("UPG-03 the option on a second field line", true, "keep-alive", "upgrade"),
                row("UPG-03 the option among empty elements", true, " , upgrade ,"),
                row("UPG-03 another option only", false, "keep-alive"),
                row("UPG-03 close only", false, "close"),
                row("UPG-03 a longer token that starts with upgrade", false, "upgrades"),
                row("UPG-03 no field lines", false),
                row("UPG-03 an empty field line", false, ""));
    }

    private static Arguments row(String label, boolean expected, String... lines) {
        return Arguments.of(label, Arrays.asList(lines), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upgradeOption")
    void findsTheUpgradeOptionIgnoringCase(String label, List<String> lines, boolean expected) {
        assertThat(Connection.parse(lines).hasUpgrade()).isEqualTo(expected);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("UPG-03 a parameter on an option", "upgrade;x=1", "expected ',' but was ';' at offset 7"),
                Arguments.of("UPG-03 a quoted option", "\"upgrade\"", "expected token but was '\"' at offset 0"),
                Arguments.of("UPG-03 options separated by a space", "keep-alive upgrade",
                        "expected ',' but was 'u' at offset 11"),
                Arguments.of("UPG-03 a control character", "upgrade\u0007", "expected ',' but was character U+0007 at offset 7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void refusesAMalformedValueWith400(String label, String value, String reason) {
        assertThatThrownBy(() -> Connection.parse(value))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldName()).isEqualTo("Connection");
                    assertThat(e.reason()).isEqualTo("Invalid Connection field: " + reason);
                });
    }

    @Test
    void keepsOptionsLowerCasedInFirstSeenOrderWithoutDuplicates() {
        Connection c = Connection.parse(List.of("Keep-Alive, Upgrade", "upgrade, HTTP2-Settings, keep-alive"));

        assertThat(c.options()).containsExactly("keep-alive", "upgrade", "http2-settings");
        assertThat(c.toHeaderValue()).isEqualTo("keep-alive, upgrade, http2-settings");
    }

    @Test
    void containsComparesIgnoringCase() {
        Connection c = Connection.parse("HTTP2-Settings");

        assertThat(c.contains("http2-settings")).isTrue();
        assertThat(c.contains("HTTP2-SETTINGS")).isTrue();
        assertThat(c.contains("upgrade")).isFalse();
        assertThat(c.contains(null)).isFalse();
    }

    @Test
    void anEmptyValueHasNoOptionsAndEqualsNone() {
        assertThat(Connection.parse(" , ")).isEqualTo(Connection.none()).isSameAs(Connection.none());
        assertThat(Connection.none().options()).isEmpty();
        assertThat(Connection.none().toHeaderValue()).isEmpty();
    }

    @Test
    void ofBuildsTheSameValueAsParse() {
        assertThat(Connection.of("Upgrade", "HTTP2-Settings")).isEqualTo(Connection.parse("upgrade, http2-settings"))
                .hasSameHashCodeAs(Connection.parse("upgrade, http2-settings"));
    }

    @Test
    void ofRefusesAnOptionThatIsNotAToken() {
        assertThatThrownBy(() -> Connection.of("upgrade", "a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a token for a connection option but was \"a b\"");
    }

    @Test
    void theOptionsCannotBeChanged() {
        Connection c = Connection.parse("upgrade");

        assertThatThrownBy(() -> c.options().add("close")).isInstanceOf(UnsupportedOperationException.class);
    }
}
