package dev.switchboard.servlet;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

/**
 * Typed access to configuration parameters: filter init-params, falling back to context
 * params ({@code <context-param>} in web.xml). Every option of every Switchboard component is
 * read through this class, so that every bad value fails deployment with the same kind of
 * message: {@code switchboard.idleTimeout: expected a duration such as 30s but was "x"}.
 *
 * <p>Durations accept {@code 0} (disabled), a number with a unit ({@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT30S}). Sizes accept a number of bytes or a
 * number with {@code KiB}/{@code MiB}. Lists are comma-separated. Immutable and thread-safe.
 */
public final class Settings {

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
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw invalid(name, "true or false", v.get());
    }

    /**
     * @throws IllegalArgumentException if the value is not an integer in {@code min..max}
     */
    public int getInt(String name, int defaultValue, int min, int max) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "an integer from " + min + " to " + max, v.get());
    }

    /**
     * @throws IllegalArgumentException if the value is not a size in {@code min..max} bytes
     */
    public int getSize(String name, int defaultValue, int min, int max) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().replace(" ", "");
        long unit = 1;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("kib")) {
            unit = 1024;
            s = s.substring(0, s.length() - 3);
        } else if (lower.endsWith("mib")) {
            unit = 1024 * 1024;
            s = s.substring(0, s.length() - 3);
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(s), unit);
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw invalid(name, "a size from " + min + " to " + max + " bytes (such as 64KiB)", v.get());
    }

    /**
     * @throws IllegalArgumentException if the value is not a non-negative duration
     */
    public Duration getDuration(String name, Duration defaultValue) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        Duration d = parseDuration(v.get());
        if (d == null || d.isNegative()) {
            throw invalid(name, "a duration such as 30s, 500ms, 5m or PT30S", v.get());
        }
        return d;
    }

    /** The comma-separated items, trimmed, empty items dropped; empty when absent. */
    public List<String> getList(String name) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : v.get().split(",")) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @throws IllegalArgumentException if the value is not one of {@code type}'s constants,
     *     written in any case with {@code -} for {@code _}
     */
    public <E extends Enum<E>> E getEnum(String name, Class<E> type, E defaultValue) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw invalid(name, "one of " + names, v.get());
    }

    /** An error naming the parameter, what it takes, and what it was. */
    public static IllegalArgumentException invalid(String name, String expected, String actual) {
        return new IllegalArgumentException(name + ": expected " + expected + " but was \"" + actual + "\"");
    }

    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(text.trim());
            }
            if (s.equals("0")) {
                return Duration.ZERO;
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            switch (s.charAt(s.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(n);
                case 'm':
                    return Duration.ofMinutes(n);
                case 'h':
                    return Duration.ofHours(n);
                default:
                    return null;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException
                | ArithmeticException e) {
            return null; // ArithmeticException: too many minutes or hours for a Duration
        }
    }
}
