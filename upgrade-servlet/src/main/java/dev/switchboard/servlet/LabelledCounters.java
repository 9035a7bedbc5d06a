package dev.switchboard.servlet;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters keyed by a short label. The number of labels is capped so that a peer choosing
 * labels (through whatever ends up in one) can never grow the map: past the cap, counts go
 * to {@code other}. Thread-safe.
 */
final class LabelledCounters {

    static final int MAX_LABELS = 32;
    static final String OTHER = "other";

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    void increment(String label) {
        total.increment();
        LongAdder adder = counters.get(label);
        if (adder == null) {
            String key = counters.size() < MAX_LABELS ? label : OTHER;
            adder = counters.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    long total() {
        return total.sum();
    }

    /** A sorted snapshot. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
