package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one mapping from parameters onto a builder whose parts are not {@link OptionValues}
 * (such as a policy made of smaller policies): each option of a group bound to the builder
 * method that takes its value. {@link #apply} reads the options present under a prefix, in
 * the group's order, and hands each value to its method. Immutable.
 *
 * @param <B> the builder
 */
public final class Bindings<B> {

    private record Binding<B, T>(Option<T> option, BiConsumer<B, T> setter) {

        void apply(B target, Parameters parameters, String parameter) {
            option.read(parameters, parameter).ifPresent(v -> setter.accept(target, v));
        }
    }

    private final OptionGroup group;
    private final List<Binding<B, ?>> bindings;

    private Bindings(OptionGroup group, List<Binding<B, ?>> bindings) {
        this.group = group;
        this.bindings = bindings;
    }

    /** No option bound yet. */
    public static <B> Bindings<B> of(OptionGroup group) {
        return new Bindings<>(group, List.of());
    }

    /** These bindings and {@code option} bound to {@code setter}. */
    public <T> Bindings<B> bind(Option<T> option, BiConsumer<B, T> setter) {
        if (!group.options().contains(option)) {
            throw new IllegalArgumentException(option + " is not an option of " + group);
        }
        List<Binding<B, ?>> more = new ArrayList<>(bindings);
        more.add(new Binding<>(option, setter));
        return new Bindings<>(group, List.copyOf(more));
    }

    /** The options bound, in the order they are applied. */
    public List<Option<?>> options() {
        return bindings.stream().<Option<?>>map(Binding::option).toList();
    }

    /**
     * Hands {@code target} the value of each bound option present in {@code parameters} under
     * {@code scopePrefix} ({@code ""} for keys alone, as an annotation's attributes are named).
     *
     * @return {@code target}
     * @throws InvalidOptionException naming the first parameter whose value is invalid
     */
    public B apply(B target, Parameters parameters, String scopePrefix) {
        for (Binding<B, ?> b : bindings) {
            b.apply(target, parameters, group.nameIn(b.option(), scopePrefix));
        }
        return target;
    }
}
