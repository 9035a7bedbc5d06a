package dev.switchboard.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A duration: {@code 0}, a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}) or ISO-8601 ({@code PT30S}). Never negative; zero only where allowed, where it
 * usually means off.
 */
final class DurationType implements OptionType<Duration> {

    private final boolean zeroAllowed;

    DurationType(boolean zeroAllowed) {
        this.zeroAllowed = zeroAllowed;
    }

    @Override
    public Duration parse(String text) {
        Duration d = read(text);
        if (d == null || !accepts(d)) {
            throw InvalidOptionException.expected(expected(), text);
        }
        return d;
    }

    @Override
    public void check(Duration value) {
        if (!accepts(value)) {
            throw InvalidOptionException.expected(expected(), format(value));
        }
    }

    private boolean accepts(Duration d) {
        return !d.isNegative() && (zeroAllowed || !d.isZero());
    }

    private String expected() {
        return zeroAllowed ? "a duration such as 30s, 500ms, 5m or PT30S"
                : "a duration above zero such as 30s, 500ms, 5m or PT30S";
    }

    /** The value with the largest whole unit: {@code 0}, {@code 2m}, {@code 500ms}; ISO-8601 otherwise. */
    @Override
    public String format(Duration value) {
        if (value.isZero()) {
            return "0";
        }
        if (value.isNegative() || value.getNano() % 1_000_000 != 0) {
            return value.toString();
        }
        long ms = value.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    @Override
    public Kind kind() {
        return Kind.DURATION;
    }

    @Override
    public List<String> samples() {
        List<String> out = new ArrayList<>(List.of("500ms", "30s", "5m", "1h", "PT30S", "pt1m30s", "500MS"));
        if (zeroAllowed) {
            out.add("0");
        }
        return out;
    }

    @Override
    public List<String> counterSamples() {
        List<String> out = new ArrayList<>(List.of("30", "1d", "s", "30 s", "1.5s", "-1s", "PT-1S", "thirty seconds",
                "9223372036854775807h"));
        if (!zeroAllowed) {
            out.add("0");
            out.add("0s");
        }
        return out;
    }

    /** The duration the text gives, negative ones included; null if it is none. */
    static Duration read(String text) {
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
