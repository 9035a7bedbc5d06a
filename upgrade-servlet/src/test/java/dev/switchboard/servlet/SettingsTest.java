package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

class SettingsTest {

    private static Settings settings(String name, String value) {
        return Settings.of(Map.of(name, value));
    }

    private static final Settings NONE = Settings.of(Map.of());

    // ---------------------------------------------------------------- raw values

    @Test
    void anAbsentValueIsEmpty() {
        assertThat(NONE.get("x")).isEmpty();
    }

    @Test
    void aBlankValueCountsAsAbsent() {
        assertThat(settings("x", " \t ").get("x")).isEmpty();
        assertThat(settings("x", " \t ").getInt("x", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void valuesAreTrimmed() {
        assertThat(settings("x", "  a b  ").get("x")).contains("a b");
    }

    @Test
    void aStringFallsBackToItsDefault() {
        assertThat(NONE.getString("x", "d")).isEqualTo("d");
        assertThat(settings("x", "v").getString("x", "d")).isEqualTo("v");
    }

    @Test
    void theMapIsCopied() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("x", "1"));
        Settings s = Settings.of(values);
        values.put("x", "2");

        assertThat(s.get("x")).contains("1");
    }

    // ---------------------------------------------------------------- booleans

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"true, true", "TRUE, true", "True, true", "false, false", "FALSE, false", "' false ', false"})
    void readsBooleansInAnyCase(String value, boolean expected) {
        assertThat(settings("switchboard.jmx", value).getBoolean("switchboard.jmx", !expected)).isEqualTo(expected);
    }

    @Test
    void aBooleanFallsBackToItsDefault() {
        assertThat(NONE.getBoolean("switchboard.jmx", true)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yes", "1", "on", "t"})
    void refusesAnythingButTrueOrFalse(String value) {
        assertThatThrownBy(() -> settings("switchboard.jmx", value).getBoolean("switchboard.jmx", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.jmx: expected true or false but was \"" + value + "\"");
    }

    // ---------------------------------------------------------------- integers

    @ParameterizedTest(name = "{0}")
    @CsvSource({"16, 16", "1024, 1024", "65536, 65536", "+20, 20", "' 17 ', 17"})
    void readsAnIntegerWithinItsBounds(String value, int expected) {
        assertThat(settings("n", value).getInt("n", 1, 16, 65536)).isEqualTo(expected);
    }

    @Test
    void anIntegerFallsBackToItsDefault() {
        assertThat(NONE.getInt("n", 1024, 16, 65536)).isEqualTo(1024);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"15", "65537", "-1", "1k", "1.5", "0x10", "99999999999", "ten"})
    void refusesAnIntegerOutOfBoundsOrMalformed(String value) {
        assertThatThrownBy(() -> settings("n", value).getInt("n", 1024, 16, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n: expected an integer from 16 to 65536 but was \"" + value + "\"");
    }

    // ---------------------------------------------------------------- sizes

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "256, 256",
            "64KiB, 65536",
            "64kib, 65536",
            "64 KiB, 65536",
            "1MiB, 1048576",
            "1 mib, 1048576",
            "0KiB, 0",
            "64MiB, 67108864"})
    void readsASizeInBytesKibOrMib(String value, int expected) {
        assertThat(settings("s", value).getSize("s", 1, 0, 64 * 1024 * 1024)).isEqualTo(expected);
    }

    @Test
    void aSizeFallsBackToItsDefault() {
        assertThat(NONE.getSize("s", 4096, 0, 8192)).isEqualTo(4096);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"65MiB", "-1", "64KB", "64k", "1.5MiB", "KiB", "MiB", "1GiB", "big",
            "9223372036854775807", "9223372036854775807KiB"})
    void refusesASizeOutOfBoundsOrMalformed(String value) {
        assertThatThrownBy(() -> settings("s", value).getSize("s", 1, 0, 64 * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("s: expected a size from 0 to 67108864 bytes (such as 64KiB) but was \"" + value + "\"");
    }

    @Test
    void aSizeWhoseBytesOverflowIsRefusedRatherThanWrappedIntoRange() {
        // (2^54 + 1) KiB is 2^64 + 1024 bytes: wrapped to 64 bits, that would be 1024.
        String value = "18014398509481985KiB";

        assertThatThrownBy(() -> settings("s", value).getSize("s", 1, 0, 1 << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("s: expected a size from 0 to 1048576 bytes (such as 64KiB) but was \"" + value + "\"");
    }

    // ---------------------------------------------------------------- durations

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, PT0S",
            "0s, PT0S",
            "500ms, PT0.5S",
            "500MS, PT0.5S",
            "30s, PT30S",
            "5m, PT5M",
            "1h, PT1H",
            "PT30S, PT30S",
            "pt1m30s, PT1M30S",
            "' 20s ', PT20S"})
    void readsADurationWithAUnitOrInIso8601(String value, Duration expected) {
        assertThat(settings("d", value).getDuration("d", Duration.ofDays(1))).isEqualTo(expected);
    }

    @Test
    void aDurationFallsBackToItsDefault() {
        assertThat(NONE.getDuration("d", Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"30", "1d", "s", "ms", "30 s", "1.5s", "-1s", "PT-1S", "P", "thirty seconds",
            "9223372036854775807h", "9223372036854775807m"})
    void refusesANegativeOrMalformedDuration(String value) {
        assertThatThrownBy(() -> settings("switchboard.idleTimeout", value)
                .getDuration("switchboard.idleTimeout", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S but was \""
                        + value + "\"");
    }

    // ---------------------------------------------------------------- lists and enums

    @Test
    void readsAListTrimmedWithoutEmptyItems() {
        assertThat(settings("l", " echo , , websocket,").getList("l")).containsExactly("echo", "websocket");
    }

    @Test
    void anAbsentListIsEmpty() {
        assertThat(NONE.getList("l")).isEmpty();
    }

    @Test
    void aListCannotBeChanged() {
        assertThatThrownBy(() -> settings("l", "a").getList("l").add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"reject, REJECT", "IGNORE, IGNORE", "Ignore, IGNORE"})
    void readsAnEnumConstantInAnyCase(String value, InvalidFieldPolicy expected) {
        assertThat(settings("e", value).getEnum("e", InvalidFieldPolicy.class, null)).isEqualTo(expected);
    }

    @Test
    void readsAnEnumConstantWithDashesForUnderscores() {
        assertThat(settings("e", "first-byte").getEnum("e", UpgradeSession.Timeout.class, null))
                .isEqualTo(UpgradeSession.Timeout.FIRST_BYTE);
    }

    @Test
    void anEnumFallsBackToItsDefault() {
        assertThat(NONE.getEnum("e", InvalidFieldPolicy.class, InvalidFieldPolicy.REJECT))
                .isEqualTo(InvalidFieldPolicy.REJECT);
    }

    @Test
    void refusesAnUnknownEnumConstantListingTheKnownOnes() {
        assertThatThrownBy(() -> settings("switchboard.invalidUpgrade", "drop")
                .getEnum("switchboard.invalidUpgrade", InvalidFieldPolicy.class, InvalidFieldPolicy.REJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.invalidUpgrade: expected one of [reject, ignore] but was \"drop\"");
    }

    @Test
    void anInvalidValueErrorNamesTheParameterWhatItTakesAndWhatItWas() {
        assertThat(Settings.invalid("p", "a thing", "x")).hasMessage("p: expected a thing but was \"x\"");
    }
}
