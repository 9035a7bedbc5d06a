package dev.switchboard.options;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option, declared once: its parameter name, its {@link OptionType}, its
 * default and a one-line description. Options objects read their parameters through it,
 * their builders check values given in code with it, and the README's configuration tables
 * and IDE metadata are generated from it. Immutable.
 *
 * <pre>
 * static final Option&lt;Integer&gt; MAX_CONTENT_LENGTH = Option.size("switchboard.maxContentLength",
 *         64 * KIB, 0, 64 * MIB, "Content an upgrade request may carry; beyond it, 413.");
 * </pre>
 *
 * @param <T> the value's type
 */
public final class Option<T> {

    private final String name;
    private final OptionType<T> type;
    private final T defaultValue;
    private final String doc;
    private final String shownDefault;
    private final Option<T> inherits;

    private Option(String name, OptionType<T> type, T defaultValue, String doc, String shownDefault,
            Option<T> inherits) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.doc = Objects.requireNonNull(doc, "doc");
        this.shownDefault = shownDefault;
        this.inherits = inherits;
        if (defaultValue != null) {
            check(defaultValue);
        }
    }

    /**
     * @param defaultValue the value when the parameter is absent; null when the option is
     *     unset by default (then give {@link #shownAs} what that means)
     * @param doc one line of Markdown, as the README's table shows it
     */
    public static <T> Option<T> of(String name, OptionType<T> type, T defaultValue, String doc) {
        return new Option<>(name, type, defaultValue, doc, null, null);
    }

    public static Option<Boolean> bool(String name, boolean defaultValue, String doc) {
        return of(name, OptionTypes.bool(), defaultValue, doc);
    }

    public static Option<Integer> integer(String name, int defaultValue, int min, int max, String doc) {
        return of(name, OptionTypes.integer(min, max), defaultValue, doc);
    }

    /** A size in bytes; see {@link OptionTypes#KIB} and {@link OptionTypes#MIB}. */
    public static Option<Integer> size(String name, int defaultValue, int min, int max, String doc) {
        return of(name, OptionTypes.size(min, max), defaultValue, doc);
    }

    /** A duration of zero or more. */
    public static Option<Duration> duration(String name, Duration defaultValue, String doc) {
        return of(name, OptionTypes.duration(), defaultValue, doc);
    }

    public static <E extends Enum<E>> Option<E> enumeration(String name, E defaultValue, String doc) {
        return of(name, OptionTypes.enumeration(defaultValue.getDeclaringClass()), defaultValue, doc);
    }

    /** A comma-separated list of text items, empty by default. */
    public static Option<List<String>> textList(String name, String doc) {
        return of(name, OptionTypes.textList(), List.of(), doc);
    }

    /** Text, or nothing by default. */
    public static Option<String> text(String name, String doc) {
        return of(name, OptionTypes.text(), null, doc);
    }

    /** This option with its default shown as {@code markdown} in the README, such as {@code (none)} or {@code the JDK's}. */
    public Option<T> shownAs(String markdown) {
        return new Option<>(name, type, defaultValue, doc, markdown, inherits);
    }

    /**
     * The same option under another name with a description of its own, taking this option's
     * value when it is not set: a protocol's own idle timeout ({@code switchboard.tls.idleTimeout})
     * beside the shared one ({@code switchboard.idleTimeout}).
     */
    public Option<T> inheritedAs(String otherName, String otherDoc) {
        return new Option<>(otherName, type, defaultValue, otherDoc, null, this);
    }

    /** This option with another description, for a module whose use of it needs its own words. */
    public Option<T> describedAs(String otherDoc) {
        return new Option<>(name, type, defaultValue, otherDoc, shownDefault, inherits);
    }

    /** The parameter name, such as {@code switchboard.maxContentLength}. */
    public String name() {
        return name;
    }

    public OptionType<T> type() {
        return type;
    }

    /** The value when the parameter is absent, or null when the option is unset by default. */
    public T defaultValue() {
        return defaultValue;
    }

    /** One line of Markdown. */
    public String doc() {
        return doc;
    }

    /** The option whose value this one takes when it is not set, if any. */
    public Optional<Option<T>> inherits() {
        return Optional.ofNullable(inherits);
    }

    /**
     * The default as the README shows it: as {@linkplain #shownAs declared}, else the value in
     * code marks ({@code `64KiB`}), {@code `switchboard.idleTimeout` (`2m`)} for an inherited
     * one, or {@code (none)} for no value or an empty one.
     */
    public String defaultText() {
        if (shownDefault != null) {
            return shownDefault;
        }
        if (inherits != null) {
            return "`" + inherits.name + "` (" + inherits.defaultText() + ")";
        }
        String text = defaultValue == null ? "" : type.format(defaultValue);
        return text.isEmpty() ? "(none)" : "`" + text + "`";
    }

    /**
     * Parses the value of {@code parameter}, which is this option's name or the name it has
     * under another prefix.
     *
     * @throws InvalidOptionException naming {@code parameter}
     */
    public T parse(String parameter, String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidOptionException.named(parameter, e);
        }
    }

    /** The value of this option in {@code parameters}, parsed; empty when absent or blank. */
    public Optional<T> read(Parameters parameters) {
        return read(parameters, name);
    }

    /**
     * The value of {@code parameter}, parsed as this option; empty when absent or blank, and,
     * for a list, when it holds separators alone.
     */
    public Optional<T> read(Parameters parameters, String parameter) {
        return parameters.get(parameter).filter(this::hasContent).map(text -> parse(parameter, text));
    }

    private boolean hasContent(String text) {
        return type.kind() != OptionType.Kind.LIST || !text.replaceAll("[,\\s]", "").isEmpty();
    }

    /** The value in {@code parameters}, or the default. */
    public T get(Parameters parameters) {
        return read(parameters).orElse(defaultValue);
    }

    /**
     * Checks a value given in code, as {@link #parse} checks text.
     *
     * @return {@code value}
     * @throws InvalidOptionException naming this option, with the message {@link #parse} gives
     */
    public T check(T value) {
        Objects.requireNonNull(value, name);
        try {
            type.check(value);
        } catch (IllegalArgumentException e) {
            throw InvalidOptionException.named(name, e);
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
