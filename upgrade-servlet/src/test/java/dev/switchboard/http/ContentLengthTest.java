package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentLengthTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("a length", List.of("42"), 42L),
                Arguments.of("zero", List.of("0"), 0L),
                Arguments.of("whitespace around the value", List.of(" 42\t"), 42L),
                Arguments.of("leading zeros", List.of("0042"), 42L),
                Arguments.of("a list of equal values", List.of("42, 42"), 42L),
                Arguments.of("equal values on several lines", List.of("42", "42"), 42L),
                Arguments.of("equal values written differently", List.of("42", "042"), 42L),
                Arguments.of("the largest length", List.of("9223372036854775807"), Long.MAX_VALUE),
                Arguments.of("many leading zeros", List.of("0".repeat(100) + "7"), 7L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void readsTheOneLength(String label, List<String> lines, long expected) {
        ContentLength length = ContentLength.parse(lines);

        assertThat(length.value()).isEqualTo(expected);
        assertThat(ContentLength.parse(length.toHeaderValue())).isEqualTo(length);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no value", List.of(""), "expected at least one element but the list was empty"),
                Arguments.of("a plus sign", List.of("+42"), "expected a decimal number of octets but was '+' at offset 0"),
                Arguments.of("a minus sign", List.of("-1"), "expected a decimal number of octets but was '-' at offset 0"),
                Arguments.of("a fraction", List.of("4.2"), "expected ',' but was '.' at offset 1"),
                Arguments.of("hex", List.of("0x2a"), "expected ',' but was 'x' at offset 1"),
                Arguments.of("a space inside", List.of("4 2"), "expected ',' but was '2' at offset 2"),
                Arguments.of("values that differ", List.of("42, 43"), "expected one length but the values differ: 42 and 43"),
                Arguments.of("lines that differ", List.of("42", "0"), "expected one length but the values differ: 42 and 0"),
                Arguments.of("one past the largest", List.of("9223372036854775808"),
                        "expected a length of at most 9223372036854775807 but was \"9223372036854775808\""),
                Arguments.of("far past the largest", List.of("99999999999999999999999"),
                        "expected a length of at most 9223372036854775807 but was \"99999999999999999999999\""),
                Arguments.of("a line break", List.of("42\r\n"), "expected ',' but was character U+000D at offset 2"),
                Arguments.of("a non-ASCII digit", List.of("\u0664\u0662"),
                        "expected a decimal number of octets but was character U+0664 at offset 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesAnInvalidLengthWith400(String label, List<String> lines, String problem) {
        assertThatThrownBy(() -> ContentLength.parse(lines))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Invalid Content-Length field: " + problem);
                });
    }

    @Test
    void ofRefusesANegativeLength() {
        assertThatThrownBy(() -> ContentLength.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a length of 0 or more but was -1");
    }
}
