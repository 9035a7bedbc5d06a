package dev.switchboard.servlet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionType;
import dev.switchboard.options.OptionTypes;
import dev.switchboard.options.Parameters;

/**
 * Configuration parameters of a Switchboard component: filter init-params, falling back to
 * context params ({@code <context-param>} in web.xml), so that an init-param wins. Options
 * ({@link dev.switchboard.options.Option}) read their values here; the typed getters serve
 * parameters no option declares, with the same forms and messages ({@link OptionTypes}):
 * {@code switchboard.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S but was "x"}.
 * Immutable and thread-safe.
 */
public final class Settings implements Parameters {

    private final Function<String, String> lookup;

    private Settings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /**
     * The filter's init-params, then the context's. A blank init-param counts as absent, so
     * an empty {@code <param-value/>} in a filter declaration does not hide the context's value.
     */
    public static Settings of(FilterConfig config) {
        ServletContext context = config.getServletContext();
        return new Settings(name -> {
            String v = config.getInitParameter(name);
            return v != null && !v.isBlank() ? v : context.getInitParameter(name);
        });
    }

    /** The context's params. */
    public static Settings of(ServletContext context) {
        return new Settings(context::getInitParameter);
    }

    /** A fixed map, for code and tests. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Settings(copy::get);
    }

    /** The raw value, trimmed; empty when absent or blank. */
    @Override
    public Optional<String> get(String name) {
        String v = lookup.apply(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.trim());
    }

    public String getString(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /**
     * @throws IllegalArgumentException if the value is neither {@code true} nor {@code false}
     */
    public boolean getBoolean(String name, boolean defaultValue) {
        return read(name, OptionTypes.bool()).orElse(defaultValue);
    }

    /**
     * @throws IllegalArgumentException if the value is not an integer in {@code min..max}
     */
    public int getInt(String name, int defaultValue, int min, int max) {
        return read(name, OptionTypes.integer(min, max)).orElse(defaultValue);
    }

    /**
     * @throws IllegalArgumentException if the value is not a size in {@code min..max} bytes
     */
    public int getSize(String name, int defaultValue, int min, int max) {
        return read(name, OptionTypes.size(min, max)).orElse(defaultValue);
    }

    /**
     * @throws IllegalArgumentException if the value is not a non-negative duration
     */
    public Duration getDuration(String name, Duration defaultValue) {
        return read(name, OptionTypes.duration()).orElse(defaultValue);
    }

    /** The comma-separated items, trimmed, empty items dropped; empty when absent. */
    public List<String> getList(String name) {
        return read(name, OptionTypes.textList()).orElse(List.of());
    }

    /**
     * @throws IllegalArgumentException if the value is not one of {@code type}'s constants,
     *     written in any case with {@code -} for {@code _}
     */
    public <E extends Enum<E>> E getEnum(String name, Class<E> type, E defaultValue) {
        return read(name, OptionTypes.enumeration(type)).orElse(defaultValue);
    }

    /** An error naming the parameter, what it takes, and what it was. */
    public static IllegalArgumentException invalid(String name, String expected, String actual) {
        return InvalidOptionException.expected(name, expected, actual);
    }

    private <T> Optional<T> read(String name, OptionType<T> type) {
        return Option.of(name, type, null, "").read(this);
    }
}
