package dev.switchboard.options;

import java.util.List;
import java.util.function.Function;

/**
 * Text read by a parser of the option's own (a class name, a route table, a key store type);
 * plain text when there is none. A parser refuses text by throwing
 * {@link IllegalArgumentException} with a message that says what was wrong.
 */
final class TextType<T> implements OptionType<T> {

    private final Kind kind;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<String> samples;
    private final List<String> counterSamples;

    TextType(Kind kind, Function<String, T> parser, Function<T, String> formatter, List<String> samples,
            List<String> counterSamples) {
        this.kind = kind;
        this.parser = parser;
        this.formatter = formatter;
        this.samples = List.copyOf(samples);
        this.counterSamples = List.copyOf(counterSamples);
    }

    @Override
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public void check(T value) {
        parse(format(value));
    }

    @Override
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> samples() {
        return samples;
    }

    @Override
    public List<String> counterSamples() {
        return counterSamples;
    }
}
