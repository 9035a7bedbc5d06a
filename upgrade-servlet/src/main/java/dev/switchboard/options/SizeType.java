package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A number of bytes, written as a number or with {@code KiB} or {@code MiB}, from a minimum to a maximum. */
final class SizeType implements OptionType<Integer> {

    static final int KIB = 1024;
    static final int MIB = 1024 * 1024;

    private final int min;
    private final int max;

    SizeType(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("expected 0 <= min <= max but was " + min + ", " + max);
        }
        this.min = min;
        this.max = max;
    }

    @Override
    public Integer parse(String text) {
        String s = text.replace(" ", "");
        long unit = 1;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("kib")) {
            unit = KIB;
            s = s.substring(0, s.length() - 3);
        } else if (lower.endsWith("mib")) {
            unit = MIB;
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
        throw InvalidOptionException.expected(expected(), text);
    }

    @Override
    public void check(Integer value) {
        if (value < min || value > max) {
            throw InvalidOptionException.expected(expected(), String.valueOf(value));
        }
    }

    private String expected() {
        return "a size from " + min + " to " + max + " bytes (such as 64KiB)";
    }

    /** The largest unit that divides the size: {@code 64KiB}, {@code 1MiB}, {@code 300}. */
    @Override
    public String format(Integer value) {
        if (value != 0 && value % MIB == 0) {
            return value / MIB + "MiB";
        }
        if (value != 0 && value % KIB == 0) {
            return value / KIB + "KiB";
        }
        return value.toString();
    }

    @Override
    public Kind kind() {
        return Kind.SIZE;
    }

    @Override
    public List<String> samples() {
        List<String> out = new ArrayList<>(List.of(String.valueOf(min), String.valueOf(max), format(max)));
        if (min <= 4 * KIB && 4 * KIB <= max) {
            out.add("4KiB");
            out.add("4 kib");
        }
        if (min <= MIB && MIB <= max) {
            out.add("1MiB");
        }
        return out;
    }

    @Override
    public List<String> counterSamples() {
        List<String> out = new ArrayList<>(List.of("-1", "64KB", "64k", "1.5MiB", "KiB", "big",
                "18014398509481985KiB"));
        if (min > 0) {
            out.add(String.valueOf(min - 1));
        }
        out.add(String.valueOf(max + 1L));
        return out;
    }
}
