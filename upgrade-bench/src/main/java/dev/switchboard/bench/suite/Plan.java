package dev.switchboard.bench.suite;

import java.time.Duration;

/**
 * How long and how often the scenarios measure: a warm-up of each side, then {@code pairs}
 * interleaved runs of {@code run} each (baseline, candidate, baseline, candidate, ...).
 *
 * @param warmUp   load on each side before anything is counted, so that the JIT has compiled the hot paths
 * @param pairs    baseline/candidate pairs counted
 * @param run      the length of one counted run
 * @param idleConnections the connections held open for the memory scenario
 */
public record Plan(Duration warmUp, int pairs, Duration run, int idleConnections) {

    /** The settings of the committed figures: fits the whole suite in about 15 minutes on two cores. */
    public static Plan full() {
        return new Plan(Duration.ofSeconds(3), 10, Duration.ofSeconds(3), 10_000);
    }

    /** A smoke run that shows every scenario working, in a few minutes; its figures mean little. */
    public static Plan quick() {
        return new Plan(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1_000);
    }

    /** This plan with another warm-up, for servers whose hot paths take longer to compile. */
    public Plan withWarmUp(Duration longerWarmUp) {
        return new Plan(longerWarmUp, pairs, run, idleConnections);
    }

    /** Short JMH settings (forks, warm-up and measured iterations of one second each) for this plan. */
    public int jmhIterations() {
        return pairs >= 10 ? 3 : 1;
    }

    public String describe() {
        return String.format("%d interleaved pairs of %d s runs after %d s of warm-up on each side; %,d idle connections",
                pairs, run.toSeconds(), warmUp.toSeconds(), idleConnections);
    }
}
