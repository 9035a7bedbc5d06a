package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardedTest {

    static Stream<Arguments> rfc7239Examples() {
        return Stream.of(
                Arguments.of("for=\"_gazonk\"", List.of(Map.of("for", "_gazonk"))),
                Arguments.of("For=\"[2001:db8:cafe::17]:4711\"", List.of(Map.of("for", "[2001:db8:cafe::17]:4711"))),
                Arguments.of("for=192.0.2.60;proto=http;by=203.0.113.43",
                        List.of(Map.of("for", "192.0.2.60", "proto", "http", "by", "203.0.113.43"))),
                Arguments.of("for=192.0.2.43, for=198.51.100.17",
                        List.of(Map.of("for", "192.0.2.43"), Map.of("for", "198.51.100.17"))),
                Arguments.of("for=192.0.2.43,for=\"[2001:db8:cafe::17]\",for=unknown",
                        List.of(Map.of("for", "192.0.2.43"), Map.of("for", "[2001:db8:cafe::17]"),
                                Map.of("for", "unknown"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc7239Examples")
    void parsesTheExamplesOfRfc7239(String value, List<Map<String, String>> elements) {
        Forwarded forwarded = Forwarded.parse(value);

        assertThat(forwarded.elements()).extracting(Forwarded.Element::parameters).containsExactlyElementsOf(elements);
    }

    @Test
    void combinesSeveralFieldLinesInOrder() {
        Forwarded forwarded = Forwarded.parse(List.of("for=a", "for=b, for=c"));

        assertThat(forwarded.elements()).extracting(e -> e.forNode().orElseThrow()).containsExactly("a", "b", "c");
        assertThat(forwarded.last().forNode()).contains("c");
    }

    @Test
    void toleratesWhitespaceAndEmptyPairsAroundSemicolons() {
        Forwarded forwarded = Forwarded.parse("for=a ; ;proto=https;");

        assertThat(forwarded.last().parameters()).containsExactly(Map.entry("for", "a"), Map.entry("proto", "https"));
    }

    @Test
    void namesCompareIgnoringCaseAndValuesKeepTheirSpelling() {
        Forwarded.Element e = Forwarded.parse("PROTO=HTTPS;Host=Example.COM").last();

        assertThat(e.proto()).contains("HTTPS");
        assertThat(e.host()).contains("Example.COM");
        assertThat(e.get("Proto")).contains("HTTPS");
        assertThat(e.by()).isEmpty();
    }

    @Test
    void unescapesQuotedValues() {
        assertThat(Forwarded.parse("for=\"a\\\"b\"").last().forNode()).contains("a\"b");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("a parameter given twice", "for=a;for=b",
                        "parameter \"for\" appears twice in one element"),
                Arguments.of("a parameter given twice in other case", "for=a;FOR=b",
                        "parameter \"for\" appears twice in one element"),
                Arguments.of("a name without a value", "for", "expected '=' but was end of field at offset 3"),
                Arguments.of("an empty value", "for=", "expected token but was end of field at offset 4"),
                Arguments.of("only a semicolon", ";", "expected forwarded-pair but was end of field at offset 1"),
                Arguments.of("an empty value", "", "expected at least one element but the list was empty"),
                Arguments.of("an unquoted IPv6 address", "for=[2001:db8::1]",
                        "expected token but was '[' at offset 4"),
                Arguments.of("an unterminated quoted string", "for=\"a", "expected '\"' but was end of field at offset 6"),
                Arguments.of("two pairs without a separator", "for=a by=b", "expected ',' but was 'b' at offset 6"),
                Arguments.of("a line break", "for=a\r\n", "expected ',' but was character U+000D at offset 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void refusesAMalformedValueWith400(String label, String value, String reason) {
        assertThatThrownBy(() -> Forwarded.parse(value))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldName()).isEqualTo("Forwarded");
                    assertThat(e.reason()).isEqualTo("Invalid Forwarded field: " + reason);
                });
    }

    @Test
    void writesValuesAsTokensOrQuotedStrings() {
        Forwarded forwarded = Forwarded.parse("for=\"[2001:db8::1]:4711\";proto=https, for=\"192.0.2.1\"");

        assertThat(forwarded.toHeaderValue()).isEqualTo("for=\"[2001:db8::1]:4711\";proto=https, for=192.0.2.1");
        assertThat(forwarded).hasToString(forwarded.toHeaderValue());
    }

    @Test
    void withAppendsTheNewestHopAndLeavesTheOriginalUnchanged() {
        Forwarded original = Forwarded.parse("for=a");

        Forwarded added = original.with(Forwarded.Element.of(Map.of("for", "b")));

        assertThat(added.toHeaderValue()).isEqualTo("for=a, for=b");
        assertThat(original.toHeaderValue()).isEqualTo("for=a");
    }

    @Test
    void ofRefusesAnEmptyList() {
        assertThatThrownBy(() -> Forwarded.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected at least one element but the list was empty");
    }

    @Test
    void anElementKeepsItsParametersInOrderAndLeavesOutNullValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("For", "192.0.2.1");
        params.put("by", null);
        params.put("proto", "https");

        Forwarded.Element e = Forwarded.Element.of(params);

        assertThat(e.toHeaderValue()).isEqualTo("for=192.0.2.1;proto=https");
        assertThat(e).isEqualTo(Forwarded.parse("for=192.0.2.1;proto=https").last())
                .hasSameHashCodeAs(Forwarded.parse("for=192.0.2.1;proto=https").last());
    }

    @Test
    void anElementRefusesANameThatIsNotAToken() {
        assertThatThrownBy(() -> Forwarded.Element.of(Map.of("a b", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a token for a parameter name but was \"a b\"");
    }

    @Test
    void anElementRefusesAValueWithALineBreakSoItCannotInjectAField() {
        assertThatThrownBy(() -> Forwarded.Element.of(Map.of("host", "example.com\r\nX-Injected: 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter host: expected visible characters, spaces and tabs but was "
                        + "\"example.com\\x0D\\x0AX-Injected: 1\"");
    }

    @Test
    void anElementRefusesAValueAboveLatin1() {
        assertThatThrownBy(() -> Forwarded.Element.of(Map.of("for", "\u0141")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter for: expected visible characters, spaces and tabs but was \"\\u0141\"");
    }

    @Test
    void anElementWritesEveryValueItAcceptsSoThatItParsesBack() {
        String value = "a \"quoted\" \\ value, with; = delimiters\t\u00ff";
        Forwarded.Element e = Forwarded.Element.of(Map.of("for", value));

        assertThat(Forwarded.parse(e.toHeaderValue()).last()).isEqualTo(e);
    }

    @Test
    void anElementRefusesANameGivenTwiceInAnyCase() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("for", "a");
        params.put("FOR", "b");

        assertThatThrownBy(() -> Forwarded.Element.of(params))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter \"FOR\" given twice");
    }

    @Test
    void anElementNeedsAParameter() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("for", null);

        assertThatThrownBy(() -> Forwarded.Element.of(params))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected at least one parameter");
    }
}
