package dev.switchboard.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A baseline and a candidate measured the way BENCHMARKING.md asks on a shared machine: each
 * warmed up, then run alternately (A, B, A, B, ...) for the plan's pairs, with every ratio taken
 * within its pair so that the machine's drift cancels out pair by pair.
 */
public final class Interleaved {

    /** One side of the comparison: a run of the given length that returns its figures. */
    @FunctionalInterface
    public interface Side {
        Sample run(Duration duration) throws Exception;
    }

    private final List<Sample> baseline;
    private final List<Sample> candidate;

    private Interleaved(List<Sample> baseline, List<Sample> candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
    }

    /** Warms up both sides, then runs the plan's pairs, printing each run as it ends. */
    public static Interleaved run(String label, Plan plan, Side baseline, Side candidate) throws Exception {
        baseline.run(plan.warmUp());
        candidate.run(plan.warmUp());
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        for (int i = 0; i < plan.pairs(); i++) {
            a.add(baseline.run(plan.run()));
            b.add(candidate.run(plan.run()));
            System.out.printf("%s pair %d: baseline %s | candidate %s%n", label, i + 1, a.get(i), b.get(i));
        }
        return new Interleaved(a, b);
    }

    /** Pairs run from the given samples, for sides measured by hand. */
    public static Interleaved of(List<Sample> baseline, List<Sample> candidate) {
        if (baseline.size() != candidate.size() || baseline.isEmpty()) {
            throw new IllegalArgumentException("expected as many baseline as candidate samples, at least one");
        }
        return new Interleaved(List.copyOf(baseline), List.copyOf(candidate));
    }

    public Stats baseline(String metric) {
        return stats(baseline, s -> s.get(metric));
    }

    public Stats candidate(String metric) {
        return stats(candidate, s -> s.get(metric));
    }

    /** Candidate over baseline, within each pair. */
    public Stats ratio(String metric) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < baseline.size(); i++) {
            ratios.add(candidate.get(i).get(metric) / baseline.get(i).get(metric));
        }
        return Stats.of(ratios);
    }

    public int pairs() {
        return baseline.size();
    }

    private static Stats stats(List<Sample> samples, ToDoubleFunction<Sample> f) {
        List<Double> values = new ArrayList<>();
        samples.forEach(s -> values.add(f.applyAsDouble(s)));
        return Stats.of(values);
    }
}
