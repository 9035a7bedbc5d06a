package dev.switchboard.bench.suite;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one run of one side, by metric name (such as {@code requests/s}). */
public final class Sample {

    private final Map<String, Double> values = new LinkedHashMap<>();

    public Sample put(String metric, double value) {
        values.put(metric, value);
        return this;
    }

    /** @throws IllegalArgumentException if the run did not measure {@code metric} */
    public double get(String metric) {
        Double v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("no " + metric + " in " + values);
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(String.format("%s %.1f", k, v)));
        return s.toString();
    }
}
