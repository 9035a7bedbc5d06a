package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A constant of an enum, written in lower case with {@code -} for {@code _}
 * ({@code upgrade-required} for {@code UPGRADE_REQUIRED}) and read in any case.
 */
final class EnumType<E extends Enum<E>> implements OptionType<E> {

    private final Class<E> type;

    EnumType(Class<E> type) {
        this.type = type;
    }

    @Override
    public E parse(String text) {
        String s = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw InvalidOptionException.expected("one of " + choices(), text);
    }

    @Override
    public String format(E value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Kind kind() {
        return Kind.ENUM;
    }

    @Override
    public List<String> choices() {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(format(e));
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> samples() {
        List<String> out = new ArrayList<>(choices());
        out.add(type.getEnumConstants()[0].name());
        return out;
    }

    @Override
    public List<String> counterSamples() {
        return List.of("not-a-" + type.getSimpleName().toLowerCase(Locale.ROOT), "1");
    }
}
