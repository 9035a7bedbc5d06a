package dev.switchboard.options;

import java.util.List;
import java.util.function.Function;

/** An {@link OptionType} whose values are another's, converted. */
final class MappedType<S, T> implements OptionType<T> {

    private final OptionType<S> source;
    private final Function<? super S, ? extends T> to;
    private final Function<? super T, ? extends S> from;

    MappedType(OptionType<S> source, Function<? super S, ? extends T> to, Function<? super T, ? extends S> from) {
        this.source = source;
        this.to = to;
        this.from = from;
    }

    @Override
    public T parse(String text) {
        return to.apply(source.parse(text));
    }

    @Override
    public void check(T value) {
        source.check(from.apply(value));
    }

    @Override
    public String format(T value) {
        return source.format(from.apply(value));
    }

    @Override
    public Kind kind() {
        return source.kind();
    }

    @Override
    public List<String> choices() {
        return source.choices();
    }

    @Override
    public List<String> samples() {
        return source.samples();
    }

    @Override
    public List<String> counterSamples() {
        return source.counterSamples();
    }
}
