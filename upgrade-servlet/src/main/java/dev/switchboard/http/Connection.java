package dev.switchboard.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * The value of the {@code Connection} field: {@code Connection = #connection-option}, each
 * option a token compared case-insensitively (RFC 9110 section 7.6.1).
 *
 * <p>Options are kept lower-cased, in first-seen order, without duplicates. Several field
 * lines combine in order. Immutable and thread-safe.
 *
 * <pre>
 * Connection: keep-alive, Upgrade   -&gt; [keep-alive, upgrade]
 * </pre>
 */
public final class Connection {

    private static final Connection NONE = new Connection(Set.of());

    private final Set<String> options;

    private Connection(Set<String> options) {
        this.options = options;
    }

    /** A {@code Connection} value with no options, as for a request without the field. */
    public static Connection none() {
        return NONE;
    }

    /**
     * Parses one field value.
     *
     * @throws FieldSyntaxException (400) if an option is not a token
     */
    public static Connection parse(String value) {
        return parse(List.of(value));
    }

    /**
     * Parses all field lines of a message, combined in order. No lines means no options.
     *
     * @throws FieldSyntaxException (400) if an option is not a token
     */
    public static Connection parse(Iterable<String> fieldLines) {
        List<String> parsed = FieldReader.parseList(HttpSpec.CONNECTION, fieldLines, false,
                r -> r.token().toLowerCase(Locale.ROOT));
        if (parsed.isEmpty()) {
            return NONE;
        }
        return new Connection(Collections.unmodifiableSet(new LinkedHashSet<>(parsed)));
    }

    /**
     * A value holding the given options.
     *
     * @throws IllegalArgumentException if an option is not a token
     */
    public static Connection of(String... options) {
        Set<String> set = new LinkedHashSet<>();
        for (String option : Arrays.asList(options)) {
            if (!FieldReader.isToken(option)) {
                throw new IllegalArgumentException("expected a token for a connection option but was \""
                        + OneLine.of(option) + "\"");
            }
            set.add(option.toLowerCase(Locale.ROOT));
        }
        return new Connection(Collections.unmodifiableSet(set));
    }

    /** The options, lower-cased, in first-seen order. */
    public Set<String> options() {
        return options;
    }

    /** Whether {@code option} is listed, ignoring case. */
    public boolean contains(String option) {
        return option != null && options.contains(option.toLowerCase(Locale.ROOT));
    }

    /** Whether the {@code upgrade} option is listed (RFC 9110 section 7.8). */
    public boolean hasUpgrade() {
        return options.contains(HttpSpec.CONNECTION_OPTION_UPGRADE);
    }

    /** The options as one field line: {@code keep-alive, upgrade}. */
    public String toHeaderValue() {
        return String.join(", ", options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connection other && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
