package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;

/** A decimal integer from a minimum to a maximum, or one of a few allowed values. */
final class IntegerType implements OptionType<Integer> {

    private final int min;
    private final int max;
    private final List<Integer> allowed;

    IntegerType(int min, int max, List<Integer> allowed) {
        if (min > max) {
            throw new IllegalArgumentException("expected min <= max but was " + min + " > " + max);
        }
        this.min = min;
        this.max = max;
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public Integer parse(String text) {
        try {
            int n = Integer.parseInt(text);
            if (accepts(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidOptionException.expected(expected(), text);
    }

    @Override
    public void check(Integer value) {
        if (!accepts(value)) {
            throw InvalidOptionException.expected(expected(), String.valueOf(value));
        }
    }

    private boolean accepts(int n) {
        return allowed.isEmpty() ? n >= min && n <= max : allowed.contains(n);
    }

    private String expected() {
        if (allowed.isEmpty()) {
            return "an integer from " + min + " to " + max;
        }
        List<String> all = allowed.stream().map(String::valueOf).toList();
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    @Override
    public String format(Integer value) {
        return value.toString();
    }

    @Override
    public Kind kind() {
        return Kind.INTEGER;
    }

    @Override
    public List<String> samples() {
        if (!allowed.isEmpty()) {
            return allowed.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(min), String.valueOf(max), "+" + max);
    }

    @Override
    public List<String> counterSamples() {
        List<String> out = new ArrayList<>(List.of("ten", "1.5", "0x10", "99999999999"));
        if (min > Integer.MIN_VALUE) {
            out.add(String.valueOf(min - 1));
        }
        if (max < Integer.MAX_VALUE) {
            out.add(String.valueOf(max + 1));
        }
        for (int n = min; n < max && !allowed.isEmpty(); n++) {
            if (!allowed.contains(n)) {
                out.add(String.valueOf(n)); // a gap between allowed values
                break;
            }
        }
        return out;
    }
}
