package dev.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;

/**
 * Scenario 7: the JMH benchmarks of this module (header parsing, negotiation, the filter's
 * fast path) with the allocation profiler, in short settings that fit the suite. The fast path
 * must allocate nothing; time per operation is reported with JMH's error, which on a shared
 * machine is wide.
 */
public final class JmhScenario implements Scenario {

    private static final String NAME = "7. JMH";
    private static final String FAST_PATH = "FilterFastPathBenchmark.requestWithoutUpgrade";

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public String title() {
        return NAME + " (allocation profiler on)";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        int iterations = plan.jmhIterations();
        Options options = new OptionsBuilder()
                .include("dev\\.switchboard\\.bench\\.\\w+Benchmark")
                .forks(1)
                .warmupIterations(iterations).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Row> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                JMH %s, one fork, %d warm-up and %d measured iterations of 1 s, `-prof gc`. Times carry JMH's \
                99.9%% error; bytes per operation do not depend on the machine's load. Rerun one with \
                `java -jar upgrade-bench/target/benchmarks.jar -prof gc <regex>` (README).

                | benchmark | parameter | time (ns/op) | allocated (B/op) |
                |---|---|---:|---:|
                """, org.openjdk.jmh.util.Version.getPlainVersion(), iterations, iterations));
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String param = String.join(", ", r.getParams().getParamsKeys().stream()
                    .map(k -> "`" + r.getParams().getParam(k).replace("\t", "<TAB>") + "`").toList());
            Result<?> primary = r.getPrimaryResult();
            double bytes = allocated(r.getSecondaryResults());
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f ± %.1f | %.0f |%n", shortName,
                    param.isEmpty() ? "—" : param, primary.getScore(), primary.getScoreError(), bytes));
            if (shortName.equals(FAST_PATH)) {
                rows.add(Row.absolute(NAME + ": filter fast path (no Upgrade)", "allocated B/op",
                        String.format(Locale.ROOT, "%.3f (%.1f ns/op)", bytes, primary.getScore()), "0 B/op",
                        bytes < 0.5));
            }
        }
        if (rows.isEmpty()) {
            rows.addAll(notMeasured("the fast-path benchmark did not run"));
        }
        return new Section(title(), rows, table.toString());
    }

    /** JMH's normalised allocation rate, bytes per operation, or NaN if the profiler gave none. */
    private static double allocated(Map<String, Result> secondary) {
        for (Map.Entry<String, Result> e : secondary.entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME + ": filter fast path (no Upgrade)", "allocated B/op", "0 B/op", reason));
    }
}
