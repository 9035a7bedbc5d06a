package dev.switchboard.bench.suite;

import java.util.Locale;

/**
 * One line of the summary table: a metric of a scenario with both medians, the median ratio and
 * the spread of the per-pair ratios, the target and the verdict.
 */
public record Row(String scenario, String metric, String baseline, String candidate, String ratio, String spread,
        String target, String result) {

    /** A metric compared pair by pair: medians of each side, median and range of the ratios. */
    public static Row compared(String scenario, String metric, String format, Interleaved pairs, String key,
            Target target) {
        Stats r = pairs.ratio(key);
        return new Row(scenario, metric, String.format(Locale.ROOT, format, pairs.baseline(key).median()),
                String.format(Locale.ROOT, format, pairs.candidate(key).median()),
                String.format(Locale.ROOT, "%.2f", r.median()),
                String.format(Locale.ROOT, "%.2f – %.2f (%d)", r.min(), r.max(), r.n()),
                target == null ? "—" : target.toString(), target == null ? "(reported)" : target.verdict(r.median()));
    }

    /** A figure with no baseline to divide by (such as bytes per operation). */
    public static Row absolute(String scenario, String metric, String value, String target, boolean met) {
        return new Row(scenario, metric, "—", value, "—", "—", target, met ? "pass" : "**miss**");
    }

    /** A metric this run could not measure, with the reason; never a figure. */
    public static Row notMeasured(String scenario, String metric, String target, String reason) {
        return new Row(scenario, metric, "—", "—", "—", "—", target, "not measured: " + reason);
    }

    public String markdown() {
        return "| " + String.join(" | ", scenario, metric, baseline, candidate, ratio, spread, target, result) + " |\n";
    }
}
