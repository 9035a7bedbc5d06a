package dev.switchboard.options;

import java.util.List;
import java.util.function.Function;

/**
 * What an {@link Option} takes: how its text is parsed, which values are in range, and how a
 * value is written back as text. The builders of options objects and the mapping from
 * parameters use the same type, so a value refused in one is refused in the other with the
 * same message. Implementations are immutable; {@link OptionTypes} has the common ones.
 *
 * @param <T> the value's type
 */
public interface OptionType<T> {

    /** The kind of value, for tools that describe options (a README table, IDE metadata). */
    enum Kind {
        BOOLEAN, INTEGER, SIZE, DURATION, ENUM, LIST, STRING
    }

    /**
     * Parses trimmed, non-blank text.
     *
     * @throws IllegalArgumentException, preferably an {@link InvalidOptionException} made with
     *     {@link InvalidOptionException#expected(String, String)}, if the text is not a value
     *     of this type in range
     */
    T parse(String text);

    /**
     * Checks a value given in code.
     *
     * @throws InvalidOptionException if {@link #parse} would refuse its text
     */
    default void check(T value) {
    }

    /** The value as text that {@link #parse} reads back as an equal value. */
    String format(T value);

    Kind kind();

    /** The values an {@link Kind#ENUM} takes, as written; empty for other kinds. */
    default List<String> choices() {
        return List.of();
    }

    /** Texts this type accepts, one of each documented form, for documentation and tests. */
    List<String> samples();

    /** Texts this type refuses, such as values just out of range, for tests. */
    List<String> counterSamples();

    /**
     * This type with values converted: {@code to} after parsing, {@code from} before
     * formatting and checking.
     */
    default <U> OptionType<U> map(Function<? super T, ? extends U> to, Function<? super U, ? extends T> from) {
        return new MappedType<>(this, to, from);
    }
}
