package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Items separated by commas (or another separator), each trimmed, empty ones dropped, each
 * parsed by an element type; optionally checked as a whole, as a set of URL patterns is. An
 * item that its type refuses is named in the message.
 */
final class ListType<E> implements OptionType<List<E>> {

    private static final Pattern COMMA = Pattern.compile(",");

    private final OptionType<E> element;
    private final Pattern separator;
    private final Function<List<E>, ?> whole;
    private final List<String> samples;
    private final List<String> counterSamples;

    private ListType(OptionType<E> element, Pattern separator, Function<List<E>, ?> whole, List<String> samples,
            List<String> counterSamples) {
        this.element = element;
        this.separator = separator;
        this.whole = whole;
        this.samples = samples;
        this.counterSamples = counterSamples;
    }

    static <E> ListType<E> of(OptionType<E> element) {
        return new ListType<>(element, COMMA, list -> list, null, null);
    }

    /** Items separated by any of the characters of {@code separators} instead of commas. */
    ListType<E> separatedBy(String separators) {
        return new ListType<>(element, Pattern.compile("[" + Pattern.quote(separators) + "]"), whole, samples,
                counterSamples);
    }

    /**
     * Also checks the whole list with {@code check}, which throws {@link IllegalArgumentException}
     * to refuse it; {@code samples} and {@code counterSamples} are whole texts it accepts and refuses.
     */
    ListType<E> checkedBy(Function<List<E>, ?> check, List<String> samples, List<String> counterSamples) {
        return new ListType<>(element, separator, check, List.copyOf(samples), List.copyOf(counterSamples));
    }

    @Override
    public List<E> parse(String text) {
        List<E> out = new ArrayList<>();
        for (String item : separator.split(text)) {
            if (!item.isBlank()) {
                out.add(element.parse(item.trim()));
            }
        }
        List<E> list = List.copyOf(out);
        whole.apply(list);
        return list;
    }

    @Override
    public void check(List<E> value) {
        for (E e : value) {
            element.check(e);
        }
        whole.apply(value);
    }

    @Override
    public String format(List<E> value) {
        List<String> items = new ArrayList<>(value.size());
        for (E e : value) {
            items.add(element.format(e));
        }
        return String.join(", ", items);
    }

    @Override
    public Kind kind() {
        return Kind.LIST;
    }

    @Override
    public List<String> samples() {
        if (samples != null) {
            return samples;
        }
        List<String> items = element.samples();
        return items.size() < 2 ? items : List.of(items.get(0), items.get(0) + " , " + items.get(1) + ",");
    }

    @Override
    public List<String> counterSamples() {
        if (counterSamples != null) {
            return counterSamples;
        }
        return element.counterSamples().stream().filter(bad -> !separator.matcher(bad).find())
                .map(bad -> element.samples().get(0) + ", " + bad).toList();
    }
}
