package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpgradeTest {

    static Stream<Arguments> validLists() {
        return Stream.of(
                row("UPG-01 one protocol", List.of("websocket"), "websocket"),
                row("UPG-01 two protocols in the client's order", List.of("foo/2, echo/1"), "foo/2", "echo/1"),
                row("UPG-01 no whitespace after the comma", List.of("foo/2,echo/1"), "foo/2", "echo/1"),
                row("UPG-01 spaces and tabs around commas", List.of(" foo/2 ,\techo/1\t"), "foo/2", "echo/1"),
                row("UPG-01 empty elements at both ends", List.of(",websocket ,"), "websocket"),
                row("UPG-01 empty elements between protocols", List.of("a, ,, b"), "a", "b"),
                row("UPG-01 several field lines combine in order", List.of("foo/2", "echo/1, bar"),
                        "foo/2", "echo/1", "bar"),
                row("UPG-01 an empty field line among others", List.of("", "echo/1"), "echo/1"),
                row("UPG-01 the same protocol twice is kept twice", List.of("echo/1, ECHO/1"), "echo/1", "ECHO/1"),
                row("UPG-01 the example of RFC 9110", List.of("HTTP/2.0, SHTTP/1.3, IRC/6.9, RTA/x11"),
                        "HTTP/2.0", "SHTTP/1.3", "IRC/6.9", "RTA/x11"));
    }

    private static Arguments row(String label, List<String> lines, String... expected) {
        return Arguments.of(label, lines, Arrays.asList(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLists")
    void parsesTheListInFieldOrder(String label, List<String> lines, List<String> expected) {
        Upgrade upgrade = Upgrade.parse(lines);

        assertThat(upgrade.protocols()).extracting(ProtocolToken::toString).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> invalidLists() {
        return Stream.of(
                Arguments.of("UPG-13 an empty value", List.of(""),
                        "expected at least one element but the list was empty"),
                Arguments.of("UPG-13 only commas and whitespace", List.of(" , ,\t"),
                        "expected at least one element but the list was empty"),
                Arguments.of("UPG-13 protocols separated by a space", List.of("foo bar"),
                        "expected ',' but was 'b' at offset 4"),
                Arguments.of("UPG-13 a semicolon instead of a comma", List.of("foo;bar"),
                        "expected ',' but was ';' at offset 3"),
                Arguments.of("UPG-13 a slash without a version", List.of("echo/, foo"),
                        "expected token but was ',' at offset 5"),
                Arguments.of("UPG-13 a version without a name", List.of("/1"),
                        "expected token but was '/' at offset 0"),
                Arguments.of("UPG-13 a quoted protocol", List.of("\"echo/1\""),
                        "expected token but was '\"' at offset 0"),
                Arguments.of("UPG-13 whitespace inside a protocol", List.of("echo /1"),
                        "expected ',' but was '/' at offset 5"),
                Arguments.of("UPG-13 a parameter", List.of("websocket; q=1"),
                        "expected ',' but was ';' at offset 9"),
                Arguments.of("UPG-13 a line break", List.of("echo/1\r\nX: y"),
                        "expected ',' but was character U+000D at offset 6"),
                Arguments.of("UPG-13 a non-ASCII byte", List.of("echo/1, f\u00f6\u00f6"),
                        "expected ',' but was character U+00F6 at offset 9"),
                Arguments.of("UPG-13 a bad second field line", List.of("echo/1", "foo//2"),
                        "expected token but was '/' at offset 4"),
                Arguments.of("UPG-13 a NUL byte", List.of("echo\u0000"),
                        "expected ',' but was character U+0000 at offset 4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLists")
    void refusesAnInvalidListWith400AndAOneLineReason(String label, List<String> lines, String reason) {
        assertThatThrownBy(() -> Upgrade.parse(lines))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldName()).isEqualTo("Upgrade");
                    assertThat(e.reason()).isEqualTo("Invalid Upgrade field: " + reason);
                });
    }

    @Test
    @DisplayName("UPG-13 a reason quoting a hostile value stays one printable line")
    void aReasonNeverCarriesALineBreak() {
        assertThatThrownBy(() -> Upgrade.parse("\r\nSet-Cookie: x=y"))
                .isInstanceOfSatisfying(FieldSyntaxException.class,
                        e -> assertThat(e.reason()).matches("[\\x20-\\x7e]*"));
    }

    @Test
    void parsesOneValueLikeOneLine() {
        assertThat(Upgrade.parse("foo/2, echo/1")).isEqualTo(Upgrade.parse(List.of("foo/2", "echo/1")));
    }

    @Test
    void treatsAMissingLineAsEmpty() {
        assertThat(Upgrade.parse(Arrays.asList(null, "echo/1"))).isEqualTo(Upgrade.parse("echo/1"));
    }

    @Test
    void writesOneLineWithCommaAndSpace() {
        assertThat(Upgrade.parse(List.of(" foo/2 ,, ", "Echo/1")).toHeaderValue()).isEqualTo("foo/2, Echo/1");
    }

    @Test
    void writesTheStackOfA101InTheGivenOrder() {
        Upgrade stack = Upgrade.of(ProtocolToken.of("TLS", "1.2"), ProtocolToken.of("HTTP", "1.1"));

        assertThat(stack.toHeaderValue()).isEqualTo("TLS/1.2, HTTP/1.1");
        assertThat(stack).hasToString("TLS/1.2, HTTP/1.1");
    }

    @Test
    void ofRefusesAnEmptyList() {
        assertThatThrownBy(() -> Upgrade.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected at least one protocol but the list was empty");
    }

    @Test
    void ofCopiesTheList() {
        List<ProtocolToken> list = new ArrayList<>(List.of(ProtocolToken.of("a")));
        Upgrade upgrade = Upgrade.of(list);
        list.add(ProtocolToken.of("b"));

        assertThat(upgrade.protocols()).containsExactly(ProtocolToken.of("a"));
    }

    @Test
    void theProtocolListCannotBeChanged() {
        Upgrade upgrade = Upgrade.parse("a, b");

        assertThatThrownBy(() -> upgrade.protocols().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("UPG-14 offers matches names ignoring case and versions exactly")
    void offersMatchesLikeAProtocolToken() {
        Upgrade upgrade = Upgrade.parse("WebSocket, Echo/1");

        assertThat(upgrade.offers(ProtocolToken.parse("websocket"))).isTrue();
        assertThat(upgrade.offers(ProtocolToken.parse("ECHO/1"))).isTrue();
        assertThat(upgrade.offers(ProtocolToken.parse("echo/2"))).isFalse();
        assertThat(upgrade.offers(ProtocolToken.parse("echo"))).isFalse();
    }

    @Test
    @DisplayName("UPG-14 offersName ignores case and version")
    void offersNameIgnoresCaseAndVersion() {
        Upgrade upgrade = Upgrade.parse("TLS/1.2");

        assertThat(upgrade.offersName("tls")).isTrue();
        assertThat(upgrade.offersName("http")).isFalse();
    }

    @Test
    @DisplayName("UPG-14 two lists that differ only in the case of names are equal")
    void equalityFollowsTokenEquality() {
        assertThat(Upgrade.parse("WebSocket, Foo/A")).isEqualTo(Upgrade.parse("websocket,foo/A"))
                .hasSameHashCodeAs(Upgrade.parse("websocket,foo/A"));
        assertThat(Upgrade.parse("foo/A")).isNotEqualTo(Upgrade.parse("foo/a"));
        assertThat(Upgrade.parse("a, b")).isNotEqualTo(Upgrade.parse("b, a"));
    }
}
