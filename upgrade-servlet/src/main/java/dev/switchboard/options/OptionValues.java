package dev.switchboard.options;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Values of {@link Option}s: those set from parameters or in code, and the declared defaults
 * for the rest. Options objects keep their settings in one and builders fill one, so that a
 * default is written only in its declaration. Immutable; build with {@link #builder()}.
 */
public final class OptionValues {

    private static final OptionValues DEFAULTS = new OptionValues(new IdentityHashMap<>());

    private final Map<Option<?>, Object> set;

    private OptionValues(Map<Option<?>, Object> set) {
        this.set = set;
    }

    /** No value set: every option has its default. */
    public static OptionValues defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(new IdentityHashMap<>());
    }

    /** The value set for {@code option}, or its default (null for an option unset by default). */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        return set.containsKey(option) ? (T) set.get(option) : option.defaultValue();
    }

    /** Whether a value was set for {@code option}, from a parameter or in code. */
    public boolean isSet(Option<?> option) {
        return set.containsKey(option);
    }

    /** A builder holding these values, to change some. */
    public Builder toBuilder() {
        return new Builder(new IdentityHashMap<>(set));
    }

    /** Collects values; not thread-safe. */
    public static final class Builder {

        private final Map<Option<?>, Object> set;

        private Builder(Map<Option<?>, Object> set) {
            this.set = set;
        }

        /**
         * Sets {@code option} to {@code value}, checked as its parameter would be.
         *
         * @throws InvalidOptionException naming the option, if the value is out of its range
         */
        public <T> Builder set(Option<T> option, T value) {
            set.put(option, option.check(value));
            return this;
        }

        /** Returns {@code option} to its default. */
        public Builder unset(Option<?> option) {
            set.remove(Objects.requireNonNull(option));
            return this;
        }

        /** The value set so far, or the default. */
        public <T> T get(Option<T> option) {
            return new OptionValues(set).get(option);
        }

        public OptionValues build() {
            return new OptionValues(new IdentityHashMap<>(set));
        }
    }
}
