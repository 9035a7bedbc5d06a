package dev.switchboard.options;

import java.util.List;
import java.util.Locale;

/** {@code true} or {@code false}, in any case. */
final class BooleanType implements OptionType<Boolean> {

    static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
    }

    @Override
    public Boolean parse(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw InvalidOptionException.expected("true or false", text);
    }

    @Override
    public String format(Boolean value) {
        return value.toString();
    }

    @Override
    public Kind kind() {
        return Kind.BOOLEAN;
    }

    @Override
    public List<String> samples() {
        return List.of("true", "false", "TRUE", "False");
    }

    @Override
    public List<String> counterSamples() {
        return List.of("yes", "1", "on");
    }
}
