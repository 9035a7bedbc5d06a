package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.http.FieldSyntaxException;

class FieldReaderTest {

    private static FieldReader reader(String value) {
        return new FieldReader("Test", value);
    }

    @ParameterizedTest(name = "tchar {0}")
    @ValueSource(chars = {'!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~',
            '0', '9', 'a', 'z', 'A', 'Z'})
    void acceptsEveryTcharOfRfc9110(char c) {
        assertThat(FieldReader.isTchar(c)).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x09, 0x0a, 0x0d, 0x20, '"', '(', ')', ',', '/', ':', ';', '<', '=', '>', '?', '@',
            '[', '\\', ']', '{', '}', 0x7f, 0x80, 0xe9, 0xff, 0x100, 0x2028})
    void refusesEveryDelimiterControlAndNonAsciiCharacter(int c) {
        assertThat(FieldReader.isTchar((char) c)).isFalse();
    }

    @Test
    void aTokenIsNonEmpty() {
        assertThat(FieldReader.isToken("")).isFalse();
        assertThat(FieldReader.isToken(null)).isFalse();
        assertThat(FieldReader.isToken("h2c")).isTrue();
        assertThat(FieldReader.isToken("h2 c")).isFalse();
    }

    @Test
    void readsATokenUpToTheFirstDelimiter() {
        FieldReader r = reader("echo/1");

        assertThat(r.token()).isEqualTo("echo");
        assertThat(r.offset()).isEqualTo(4);
        assertThat(r.peek()).isEqualTo('/');
    }

    @Test
    void failsWithoutConsumingWhenNoTokenIsThere() {
        FieldReader r = reader(",x");

        assertThatThrownBy(r::token)
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Test field: expected token but was ',' at offset 0");
        assertThat(r.offset()).isZero();
    }

    static Stream<Arguments> quotedStrings() {
        return Stream.of(
                Arguments.of("a plain quoted string", "\"abc\"rest", "abc", 5),
                Arguments.of("an empty quoted string", "\"\"", "", 2),
                Arguments.of("a quoted comma and space", "\"a, b\"", "a, b", 6),
                Arguments.of("an escaped quote", "\"a\\\"b\"", "a\"b", 6),
                Arguments.of("an escaped backslash", "\"a\\\\b\"", "a\\b", 6),
                Arguments.of("an escaped letter", "\"\\a\"", "a", 4),
                Arguments.of("a tab", "\"a\tb\"", "a\tb", 5),
                Arguments.of("obs-text", "\"caf\u00e9\"", "caf\u00e9", 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotedStrings")
    void readsAQuotedStringAndResolvesQuotedPairs(String label, String value, String content, int end) {
        FieldReader r = reader(value);

        assertThat(r.quotedString()).isEqualTo(content);
        assertThat(r.offset()).isEqualTo(end);
    }

    static Stream<Arguments> malformedQuotedStrings() {
        return Stream.of(
                Arguments.of("no opening quote", "abc", "expected '\"' but was 'a' at offset 0"),
                Arguments.of("no closing quote", "\"abc", "expected '\"' but was end of field at offset 4"),
                Arguments.of("a backslash at the end", "\"abc\\",
                        "expected quoted character but was end of field at offset 5"),
                Arguments.of("a line feed inside", "\"a\nb\"",
                        "expected quoted text or '\"' but was character U+000A at offset 2"),
                Arguments.of("a DEL inside", "\"a\u007fb\"",
                        "expected quoted text or '\"' but was character U+007F at offset 2"),
                Arguments.of("an escaped control character", "\"a\\\u0001\"",
                        "expected quoted character but was character U+0001 at offset 3"),
                Arguments.of("a character above U+00FF", "\"a\u0100\"",
                        "expected quoted text or '\"' but was character U+0100 at offset 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedQuotedStrings")
    void refusesAMalformedQuotedString(String label, String value, String message) {
        assertThatThrownBy(() -> reader(value).quotedString())
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Test field: " + message);
    }

    @Test
    void readsATokenOrAQuotedStringByItsFirstCharacter() {
        assertThat(reader("abc").tokenOrQuotedString()).isEqualTo("abc");
        assertThat(reader("\"a b\"").tokenOrQuotedString()).isEqualTo("a b");
    }

    @Test
    void skipsSpacesAndTabsOnly() {
        FieldReader r = reader(" \t \r");

        r.skipOws();

        assertThat(r.offset()).isEqualTo(3);
        assertThat(r.peek()).isEqualTo('\r');
    }

    @Test
    void peekReturnsMinusOneAtTheEnd() {
        FieldReader r = reader("");

        assertThat(r.atEnd()).isTrue();
        assertThat(r.peek()).isEqualTo(-1);
    }

    @Test
    void consumeTakesOnlyTheGivenCharacter() {
        FieldReader r = reader("=x");

        assertThat(r.consume(';')).isFalse();
        assertThat(r.consume('=')).isTrue();
        assertThat(r.offset()).isEqualTo(1);
    }

    static Stream<Arguments> foundInstead() {
        return Stream.of(
                Arguments.of("a printable character", "x", "'x'"),
                Arguments.of("a space", " x", "space"),
                Arguments.of("a tab", "\t", "tab"),
                Arguments.of("the end", "", "end of field"),
                Arguments.of("a control character", "\u0000", "character U+0000"),
                Arguments.of("a non-ASCII character", "\u00e9", "character U+00E9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foundInstead")
    void describesWhatWasFoundInsteadInOneLine(String label, String value, String found) {
        assertThatThrownBy(() -> reader(value).expect('='))
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Test field: expected '=' but was " + found + " at offset 0");
    }

    @Test
    void reportsAFreeFormProblemWithTheFieldName() {
        FieldSyntaxException e = reader("x").problem("parameter \"a\" appears twice");

        assertThat(e.reason()).isEqualTo("Invalid Test field: parameter \"a\" appears twice");
        assertThat(e.fieldName()).isEqualTo("Test");
    }

    @Test
    void parsesAListAcrossLinesSkippingEmptyElements() {
        List<String> items = FieldReader.parseList("Test", List.of(", a ,b", "", "c,,"), true, FieldReader::token);

        assertThat(items).containsExactly("a", "b", "c");
    }

    @Test
    void anEmptyListIsFineWhenNoElementIsRequired() {
        assertThat(FieldReader.parseList("Test", List.of(" , "), false, FieldReader::token)).isEmpty();
        assertThat(FieldReader.parseList("Test", List.of(), false, FieldReader::token)).isEmpty();
    }

    @Test
    void anEmptyListFailsWhenAnElementIsRequired() {
        assertThatThrownBy(() -> FieldReader.parseList("Test", List.of(), true, FieldReader::token))
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Test field: expected at least one element but the list was empty");
    }

    @Test
    void aListElementMustBeFollowedByACommaOrTheEnd() {
        assertThatThrownBy(() -> FieldReader.parseList("Test", List.of("a b"), true, FieldReader::token))
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Test field: expected ',' but was 'b' at offset 2");
    }

    @Test
    void theParsedListCannotBeChanged() {
        List<String> items = FieldReader.parseList("Test", List.of("a"), true, FieldReader::token);

        assertThatThrownBy(items::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> quoting() {
        return Stream.of(
                Arguments.of("abc", "abc"),
                Arguments.of("", "\"\""),
                Arguments.of("a b", "\"a b\""),
                Arguments.of("a\"b", "\"a\\\"b\""),
                Arguments.of("a\\b", "\"a\\\\b\""),
                Arguments.of("[2001:db8::1]", "\"[2001:db8::1]\""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("quoting")
    void quotesAValueOnlyWhenItIsNotAToken(String value, String written) {
        assertThat(FieldReader.quoteIfNeeded(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x0a, 0x0d, 0x1f, 0x7f, 0x100, 0x2028})
    void refusesToQuoteACharacterNoQuotedStringCanCarry(int c) {
        assertThat(FieldReader.isQuotable("a" + (char) c)).isFalse();
        assertThatThrownBy(() -> FieldReader.quoteIfNeeded("a" + (char) c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected visible characters, spaces and tabs but was ");
    }

    @Test
    void everyVisibleCharacterSpaceTabAndObsTextIsQuotable() {
        StringBuilder all = new StringBuilder("\t");
        for (char c = 0x20; c <= 0xff; c++) {
            if (c != 0x7f) {
                all.append(c);
            }
        }

        assertThat(FieldReader.isQuotable(all)).isTrue();
        assertThat(FieldReader.isQuotable("")).isTrue();
    }

    @Test
    void aQuotedValueReadsBackUnchanged() {
        String value = "a \"quoted\" \\ value, with; delimiters\t\u00ff";

        assertThat(reader(FieldReader.quoteIfNeeded(value)).tokenOrQuotedString()).isEqualTo(value);
    }
}
