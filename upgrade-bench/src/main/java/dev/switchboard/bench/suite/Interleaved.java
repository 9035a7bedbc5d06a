package dev.switchboard.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A baseline and a candidate measured the way BENCHMARKING.md asks on a shared machine: each
 * warmed up, then run alternately (A, B, B, A, ...) for the plan's pairs, with every ratio taken
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
        return run(label, plan, baseline, List.of(candidate)).get(0);
    }

    /**
     * One baseline against several candidates: each round runs the baseline and every candidate
     * once, and each candidate is paired with its round's baseline run. Rounds alternate the
     * order (baseline first, then last, A B B A), so that what one run leaves to the next in
     * this JVM (garbage to collect, a cooling CPU, caches) falls on each side equally often
     * instead of always on the candidate.
     *
     * @return the pairs of each candidate, in the order given
     */
    public static List<Interleaved> run(String label, Plan plan, Side baseline, List<Side> candidates)
            throws Exception {
        baseline.run(plan.warmUp());
        for (Side c : candidates) {
            c.run(plan.warmUp());
        }
        List<Sample> a = new ArrayList<>();
        List<List<Sample>> b = new ArrayList<>();
        candidates.forEach(c -> b.add(new ArrayList<>()));
        for (int i = 0; i < plan.pairs(); i++) {
            boolean baselineFirst = i % 2 == 0;
            if (baselineFirst) {
                a.add(baseline.run(plan.run()));
            }
            for (int k = 0; k < candidates.size(); k++) {
                int c = baselineFirst ? k : candidates.size() - 1 - k;
                b.get(c).add(candidates.get(c).run(plan.run()));
            }
            if (!baselineFirst) {
                a.add(baseline.run(plan.run()));
            }
            StringBuilder line = new StringBuilder(label + " round " + (i + 1) + ": baseline " + a.get(i));
            for (int k = 0; k < candidates.size(); k++) {
                line.append(" | candidate ").append(k + 1).append(' ').append(b.get(k).get(i));
            }
            System.out.println(line);
        }
        List<Interleaved> out = new ArrayList<>();
        b.forEach(samples -> out.add(new Interleaved(a, samples)));
        return out;
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

    /** The baseline's runs, in order. */
    public List<Sample> baselineSamples() {
        return baseline;
    }

    /** The candidate's runs, in order, each paired with the baseline run of the same index. */
    public List<Sample> candidateSamples() {
        return candidate;
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
