package dev.switchboard.bench.suite;

import java.util.Locale;

/**
 * What a ratio (candidate over baseline) must reach: at least a floor, for throughput, or at
 * most a ceiling, for time and memory.
 */
public record Target(boolean atLeast, double bound) {

    public static Target atLeast(double floor) {
        return new Target(true, floor);
    }

    public static Target atMost(double ceiling) {
        return new Target(false, ceiling);
    }

    public boolean metBy(double ratio) {
        return atLeast ? ratio >= bound : ratio <= bound;
    }

    /** The result column: {@code pass}, or {@code miss} with the distance to the bound in percent of it. */
    public String verdict(double ratio) {
        if (metBy(ratio)) {
            return "pass";
        }
        double off = Math.abs(ratio - bound) / bound * 100;
        return String.format(Locale.ROOT, "**miss** (%.0f %% %s)", off, atLeast ? "short" : "over");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.2f", atLeast ? "≥" : "≤", bound);
    }
}
