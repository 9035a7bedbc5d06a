package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionType.Kind;
import dev.switchboard.options.OptionValues;
import dev.switchboard.options.Parameters;

/**
 * One table over every option of every module: each parses its documented forms and its
 * default, writes each value as text that reads back as the same value (compared as text, as
 * not every value type has equality), refuses what its type refuses with a message naming it,
 * and its builder and its parameter agree on both.
 */
class EveryDeclaredOptionTest {

    private record Declared(OptionGroup group, Option<?> option) {
        @Override
        public String toString() {
            return option.name();
        }
    }

    private static List<Declared> declared() {
        Map<Option<?>, Declared> seen = new IdentityHashMap<>();
        for (OptionGroup g : OptionTables.groups().values()) {
            for (Option<?> o : g.options()) {
                seen.putIfAbsent(o, new Declared(g, o));
            }
        }
        return new ArrayList<>(seen.values());
    }

    @Test
    void everyModuleDeclaresItsOptions() {
        assertThat(OptionTables.groups().keySet()).contains("upgrade", "handler", "websocket", "websocket-endpoint",
                "tls-policy", "tls-upgrade", "tunnel", "tunnel-shared");
    }

    @Test
    void everyOptionHasAOneLineDescription() {
        assertThat(declared()).allSatisfy(d -> assertThat(d.option().doc()).as(d.toString())
                .isNotBlank().doesNotContain("\n").doesNotContain("|"));
    }

    @Test
    void optionsListedByTwoGroupsUnderOneNameAreOneOption() {
        Map<String, Option<?>> byName = new java.util.HashMap<>();
        for (Declared d : declared()) {
            Option<?> other = byName.putIfAbsent(d.option().name(), d.option());
            if (other != null) {
                assertThat(d.option().type()).as(d.toString()).isSameAs(other.type());
                assertThat(d.option().defaultValue()).as(d.toString()).isEqualTo(other.defaultValue());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> theDefaultReadsBackAsItself() {
        return declared().stream().filter(d -> d.option().defaultValue() != null)
                .map(d -> DynamicTest.dynamicTest(d.toString(), () -> defaultReadsBack(d.option())));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedFormIsReadAndTheBuilderTakesItsValue() {
        return declared().stream().flatMap(d -> d.option().type().samples().stream()
                .map(text -> DynamicTest.dynamicTest(d + "=" + text, () -> sampleAgrees(d, text))));
    }

    @TestFactory
    Stream<DynamicTest> everyRefusedValueFailsNamingTheParameter() {
        return declared().stream().flatMap(d -> d.option().type().counterSamples().stream()
                .map(text -> DynamicTest.dynamicTest(d + "=" + text, () -> counterSampleRefused(d, text))));
    }

    @TestFactory
    Stream<DynamicTest> theBuilderRefusesOutOfRangeNumbersAsTheParameterDoes() {
        return declared().stream()
                .filter(d -> d.option().type().kind() == Kind.INTEGER || d.option().type().kind() == Kind.SIZE
                        || d.option().type().kind() == Kind.DURATION)
                .flatMap(d -> d.option().type().counterSamples().stream().filter(t -> isNumber(d, t))
                        .map(text -> DynamicTest.dynamicTest(d + "=" + text, () -> builderAgrees(d, text))));
    }

    private static <T> void defaultReadsBack(Option<T> option) {
        T value = option.defaultValue();
        String text = option.type().format(value);
        assertThat(option.type().format(option.parse(option.name(), text))).isEqualTo(text);
        assertThat(option.check(value)).isSameAs(value);
    }

    private static void sampleAgrees(Declared d, String text) {
        readAndSet(d.group(), d.option(), text);
    }

    private static <T> void readAndSet(OptionGroup group, Option<T> option, String text) {
        T read = group.read(Parameters.of(Map.of(option.name(), text))).get(option);
        String written = option.type().format(read);
        assertThat(option.type().format(option.parse(option.name(), written))).isEqualTo(written);
        OptionValues built = OptionValues.builder().set(option, read).build();
        assertThat(built.get(option)).isSameAs(read);
    }

    private static void counterSampleRefused(Declared d, String text) {
        String name = d.option().name();
        assertThatThrownBy(() -> d.group().read(Parameters.of(Map.of(name, text))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(name + ": ")
                .extracting(e -> ((InvalidOptionException) e).parameter()).isEqualTo(name);
    }

    @SuppressWarnings("unchecked")
    private static void builderAgrees(Declared d, String text) {
        String name = d.option().name();
        InvalidOptionException fromParameter = catchThrowableOfType(InvalidOptionException.class,
                () -> d.group().read(Parameters.of(Map.of(name, text))));
        Object value = d.option().type().kind() == Kind.DURATION
                ? (text.startsWith("-") ? Duration.ofSeconds(-1) : Duration.ZERO)
                : Integer.valueOf(text);
        InvalidOptionException fromBuilder = catchThrowableOfType(InvalidOptionException.class,
                () -> OptionValues.builder().set((Option<Object>) d.option(), value));

        assertThat(fromBuilder).as("the builder refuses " + text).isNotNull();
        assertThat(expectedPart(fromBuilder)).isEqualTo(expectedPart(fromParameter));
    }

    /** Whether {@code text} is a value of the option's Java type that is out of range, rather than malformed. */
    private static boolean isNumber(Declared d, String text) {
        return d.option().type().kind() == Kind.DURATION ? text.equals("-1s") || text.equals("0")
                : text.matches("-?\\d{1,9}");
    }

    private static String expectedPart(InvalidOptionException e) {
        String m = e.getMessage();
        int was = m.lastIndexOf(" but was ");
        return was < 0 ? m : m.substring(0, was);
    }
}
