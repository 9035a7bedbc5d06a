package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one options object (such as {@code UpgradeOptions}), in the order the
 * README's table lists them. An option's name starts with the group's prefix; the part after
 * it is the option's key, which {@linkplain #scopes() other prefixes} may also carry (one
 * WebSocket endpoint's {@code switchboard.websocket.endpoint.chat.maxSessions} beside the
 * shared {@code switchboard.websocket.maxSessions}). A group may also list an option of
 * another group that its object reads too, under that option's own name. Immutable.
 */
public final class OptionGroup {

    /**
     * A row of the README's table that is not one option, such as a family of names.
     *
     * @param name the name column, Markdown
     * @param defaultText the default column, Markdown
     * @param doc the meaning column, Markdown
     */
    public record Note(String name, String defaultText, String doc) {
    }

    private final String id;
    private final String prefix;
    private final List<Object> rows;
    private final List<String> scopes;
    private final boolean keysInTable;

    private OptionGroup(Builder b) {
        this.id = b.id;
        this.prefix = b.prefix;
        this.rows = List.copyOf(b.rows);
        this.scopes = List.copyOf(b.scopes);
        this.keysInTable = b.keysInTable;
    }

    /**
     * @param id what the README's markers call this group's table, such as {@code tls-policy}
     * @param prefix the start of every option's name, such as {@code switchboard.tls.}
     */
    public static Builder builder(String id, String prefix) {
        return new Builder(id, prefix);
    }

    public String id() {
        return id;
    }

    public String prefix() {
        return prefix;
    }

    /** The options, in table order. */
    public List<Option<?>> options() {
        List<Option<?>> out = new ArrayList<>();
        for (Object row : rows) {
            if (row instanceof Option<?> o) {
                out.add(o);
            }
        }
        return out;
    }

    /** The table's rows in order: each an {@link Option} or a {@link Note}. */
    public List<Object> rows() {
        return rows;
    }

    /**
     * Other prefixes the options' keys are read under, as patterns with a placeholder, such as
     * {@code switchboard.websocket.endpoint.<name>.}; later ones override earlier ones.
     */
    public List<String> scopes() {
        return scopes;
    }

    /** Whether the README's table names options by key ({@code origins}) rather than by name. */
    public boolean keysInTable() {
        return keysInTable;
    }

    /**
     * The part of {@code option}'s name after the prefix ({@code maxSessions}); the whole name
     * for an option of another group listed here too, such as the tunnel's
     * {@code switchboard.maxContentLength}.
     */
    public String key(Option<?> option) {
        return isScoped(option) ? option.name().substring(prefix.length()) : option.name();
    }

    /**
     * The option's name under {@code scopePrefix}, such as {@code switchboard.echo.} + key; an
     * option of another group keeps its name.
     */
    public String nameIn(Option<?> option, String scopePrefix) {
        return isScoped(option) ? scopePrefix + key(option) : option.name();
    }

    private boolean isScoped(Option<?> option) {
        return option.name().startsWith(prefix) && option.name().length() > prefix.length();
    }

    /** The option whose key is {@code key}, if any. */
    public Optional<Option<?>> option(String key) {
        return options().stream().filter(o -> key(o).equals(key)).findFirst();
    }

    /**
     * Every option set in {@code parameters} under its name; defaults for the rest.
     *
     * @throws InvalidOptionException naming the first parameter whose value is invalid
     */
    public OptionValues read(Parameters parameters) {
        return readInto(OptionValues.builder(), parameters, prefix).build();
    }

    /**
     * Sets in {@code values} each option present in {@code parameters} under
     * {@code scopePrefix}; the others keep their values.
     *
     * @throws InvalidOptionException naming the first parameter whose value is invalid
     */
    public OptionValues.Builder readInto(OptionValues.Builder values, Parameters parameters, String scopePrefix) {
        for (Option<?> option : options()) {
            readOne(values, parameters, option, nameIn(option, scopePrefix));
        }
        return values;
    }

    private static <T> void readOne(OptionValues.Builder values, Parameters parameters, Option<T> option,
            String parameter) {
        option.read(parameters, parameter).ifPresent(v -> values.set(option, v));
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds an {@link OptionGroup}. */
    public static final class Builder {
        private final String id;
        private final String prefix;
        private final List<Object> rows = new ArrayList<>();
        private final List<String> scopes = new ArrayList<>();
        private boolean keysInTable;

        private Builder(String id, String prefix) {
            this.id = Objects.requireNonNull(id);
            this.prefix = Objects.requireNonNull(prefix);
        }

        /** Adds options, in table order. */
        public Builder add(Option<?>... options) {
            rows.addAll(List.of(options));
            return this;
        }

        /** Adds a row to the table that is no option of its own. */
        public Builder note(String name, String defaultText, String doc) {
            rows.add(new Note(name, defaultText, doc));
            return this;
        }

        /** Declares another prefix the keys are read under, as a pattern. */
        public Builder scope(String pattern) {
            scopes.add(pattern);
            return this;
        }

        /** Names options by key in the README's table, under a text that says the prefixes. */
        public Builder keysInTable() {
            this.keysInTable = true;
            return this;
        }

        public OptionGroup build() {
            return new OptionGroup(this);
        }
    }
}
