package dev.switchboard.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionTypesTest {

    private enum Mode {
        UPGRADE_REQUIRED, REDIRECT
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"64KiB, 65536", "1 mib, 1048576", "300, 300", "0KiB, 0"})
    void aSizeTakesBytesKibOrMib(String text, int bytes) {
        assertThat(OptionTypes.size(0, 64 * OptionTypes.MIB).parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"65536, 64KiB", "1048576, 1MiB", "300, 300", "0, 0", "1536, 1536"})
    void aSizeIsWrittenWithTheLargestUnitThatDividesIt(int bytes, String text) {
        assertThat(OptionTypes.size(0, 64 * OptionTypes.MIB).format(bytes)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT0S, 0", "PT0.5S, 500ms", "PT30S, 30s", "PT2M, 2m", "PT1H, 1h", "PT1M30S, 90s", "PT0.0000001S, PT0.0000001S"})
    void aDurationIsWrittenWithTheLargestWholeUnit(Duration d, String text) {
        assertThat(OptionTypes.duration().format(d)).isEqualTo(text);
    }

    @Test
    void aPositiveDurationRefusesZero() {
        assertThatThrownBy(() -> OptionTypes.positiveDuration().parse("0"))
                .hasMessage("expected a duration above zero such as 30s, 500ms, 5m or PT30S but was \"0\"");
    }

    @Test
    void anEnumConstantIsWrittenInLowerCaseWithDashes() {
        assertThat(OptionTypes.enumeration(Mode.class).format(Mode.UPGRADE_REQUIRED)).isEqualTo("upgrade-required");
        assertThat(OptionTypes.enumeration(Mode.class).choices()).containsExactly("upgrade-required", "redirect");
    }

    @Test
    void anIntegerFromASetNamesTheSetWhenRefused() {
        assertThatThrownBy(() -> OptionTypes.integerIn(301, 302, 303, 307, 308).parse("304"))
                .hasMessage("expected 301, 302, 303, 307 or 308 but was \"304\"");
    }

    @Test
    void aListIsTrimmedWithoutEmptyItems() {
        assertThat(OptionTypes.textList().parse(" echo , , websocket,")).containsExactly("echo", "websocket");
    }

    @Test
    void aListNamesTheItemItsElementTypeRefuses() {
        assertThatThrownBy(() -> OptionTypes.list(OptionTypes.integer(1, 9)).parse("1, 2, 10, 3"))
                .hasMessage("expected an integer from 1 to 9 but was \"10\"");
    }

    @Test
    void aListMaySplitOnOtherSeparators() {
        assertThat(OptionTypes.list(OptionTypes.text(), ",\n").parse("a\nb, c")).containsExactly("a", "b", "c");
    }

    @Test
    void aListCheckedAsAWholeGivesTheCheckersMessage() {
        OptionType<List<String>> distinct = OptionTypes.textList(items -> {
            if (items.size() != items.stream().distinct().count()) {
                throw new IllegalArgumentException("an item is listed twice");
            }
            return items;
        }, List.of("a", "b"), List.of("a"));

        assertThatThrownBy(() -> distinct.parse("a, b, a")).hasMessage("an item is listed twice");
    }

    @Test
    void aTypeMappedToAnotherReadsAndWritesThroughTheConversions() {
        OptionType<Long> millis = OptionTypes.duration().map(Duration::toMillis, Duration::ofMillis);

        assertThat(millis.parse("2s")).isEqualTo(2000L);
        assertThat(millis.format(90_000L)).isEqualTo("90s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bool", "integer", "integerIn", "size", "duration", "positiveDuration", "enum", "list"})
    void everyTypeParsesItsSamplesAndRefusesItsCounterSamples(String name) {
        OptionType<?> type = switch (name) {
            case "bool" -> OptionTypes.bool();
            case "integer" -> OptionTypes.integer(16, 65536);
            case "integerIn" -> OptionTypes.integerIn(301, 302, 303, 307, 308);
            case "size" -> OptionTypes.size(256, OptionTypes.MIB);
            case "duration" -> OptionTypes.duration();
            case "positiveDuration" -> OptionTypes.positiveDuration();
            case "enum" -> OptionTypes.enumeration(Mode.class);
            default -> OptionTypes.list(OptionTypes.integer(1, 9));
        };
        assertThat(type.samples()).isNotEmpty().allSatisfy(text -> roundTrips(type, text));
        assertThat(type.counterSamples()).isNotEmpty().allSatisfy(text ->
                assertThatThrownBy(() -> type.parse(text)).isInstanceOf(InvalidOptionException.class));
    }

    private static <T> void roundTrips(OptionType<T> type, String text) {
        T value = type.parse(text);
        assertThat(type.parse(type.format(value))).isEqualTo(value);
    }
}
