package dev.switchboard.options;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.switchboard.options.OptionType.Kind;

/**
 * The types of Switchboard's options. Every type trims nothing and sees no blank text: a blank
 * parameter counts as absent before a type is asked.
 *
 * <table>
 *   <caption>Types and their forms</caption>
 *   <tr><th>type</th><th>forms</th><th>refused with</th></tr>
 *   <tr><td>{@link #bool()}</td><td>{@code true}, {@code false}, any case</td><td>{@code expected true or false}</td></tr>
 *   <tr><td>{@link #integer(int, int)}</td><td>{@code 16}, {@code +16}</td><td>{@code expected an integer from 16 to 65536}</td></tr>
 *   <tr><td>{@link #size(int, int)}</td><td>{@code 300}, {@code 64KiB}, {@code 1 MiB}</td><td>{@code expected a size from 0 to 67108864 bytes (such as 64KiB)}</td></tr>
 *   <tr><td>{@link #duration()}</td><td>{@code 0} (off), {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code PT30S}</td><td>{@code expected a duration such as 30s, 500ms, 5m or PT30S}</td></tr>
 *   <tr><td>{@link #enumeration(Class)}</td><td>{@code upgrade-required} for {@code UPGRADE_REQUIRED}, any case</td><td>{@code expected one of [upgrade-required, redirect]}</td></tr>
 *   <tr><td>{@link #list(OptionType)}</td><td>{@code a, b}: comma-separated, trimmed, empty items dropped</td><td>the item's type's message, naming the item</td></tr>
 * </table>
 */
public final class OptionTypes {

    /** Bytes in a KiB, for declaring sizes. */
    public static final int KIB = SizeType.KIB;
    /** Bytes in a MiB, for declaring sizes. */
    public static final int MIB = SizeType.MIB;

    private static final OptionType<String> TEXT = text(s -> s, List.of("text"), List.of());

    private OptionTypes() {
    }

    public static OptionType<Boolean> bool() {
        return BooleanType.INSTANCE;
    }

    /** A decimal integer from {@code min} to {@code max}. */
    public static OptionType<Integer> integer(int min, int max) {
        return new IntegerType(min, max, List.of());
    }

    /** One of the integers {@code allowed}, listed in increasing order. */
    public static OptionType<Integer> integerIn(Integer... allowed) {
        List<Integer> list = Arrays.asList(allowed);
        return new IntegerType(list.get(0), list.get(list.size() - 1), list);
    }

    /** A size in bytes from {@code min} to {@code max}. */
    public static OptionType<Integer> size(int min, int max) {
        return new SizeType(min, max);
    }

    /** A duration of zero (usually: off) or more. */
    public static OptionType<Duration> duration() {
        return new DurationType(true);
    }

    /** A duration above zero. */
    public static OptionType<Duration> positiveDuration() {
        return new DurationType(false);
    }

    public static <E extends Enum<E>> OptionType<E> enumeration(Class<E> type) {
        return new EnumType<>(type);
    }

    /** Any text. */
    public static OptionType<String> text() {
        return TEXT;
    }

    /**
     * Text that {@code parser} reads, refusing what it cannot read with an
     * {@link IllegalArgumentException} whose message says why.
     *
     * @param samples texts it accepts, for tests and documentation
     * @param counterSamples texts it refuses, for tests
     */
    public static <T> OptionType<T> text(Function<String, T> parser, Function<T, String> formatter,
            List<String> samples, List<String> counterSamples) {
        return new TextType<>(Kind.STRING, parser, formatter, samples, counterSamples);
    }

    /** Text checked by {@code check}, which throws {@link IllegalArgumentException} to refuse it. */
    public static OptionType<String> text(Function<String, ?> check, List<String> samples, List<String> counterSamples) {
        return text(s -> {
            check.apply(s);
            return s;
        }, s -> s, samples, counterSamples);
    }

    /** Comma-separated items of type {@code element}. */
    public static <E> OptionType<List<E>> list(OptionType<E> element) {
        return ListType.of(element);
    }

    /** Comma-separated text items. */
    public static OptionType<List<String>> textList() {
        return ListType.of(TEXT);
    }

    /**
     * Comma-separated text items checked together by {@code check} (URL patterns, addresses),
     * which throws {@link IllegalArgumentException} to refuse them.
     *
     * @param samples whole values it accepts, for tests and documentation
     * @param counterSamples whole values it refuses, for tests
     */
    public static OptionType<List<String>> textList(Function<List<String>, ?> check, List<String> samples,
            List<String> counterSamples) {
        return ListType.of(TEXT).checkedBy(check, samples, counterSamples);
    }

    /** Items of type {@code element} separated by any of {@code separators}, such as commas and line breaks. */
    public static <E> OptionType<List<E>> list(OptionType<E> element, String separators) {
        return ListType.of(element).separatedBy(separators);
    }
}
