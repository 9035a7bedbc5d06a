package dev.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.bench.scenario.EchoScenario;
import dev.switchboard.bench.scenario.JettyEchoScenario;
import dev.switchboard.bench.scenario.JettyWebSocketHandshakeScenario;
import dev.switchboard.bench.scenario.JmhScenario;
import dev.switchboard.bench.scenario.MemoryScenario;
import dev.switchboard.bench.scenario.PlainGetScenario;
import dev.switchboard.bench.scenario.ConnectorRfc2817Scenario;
import dev.switchboard.bench.scenario.Rfc2817Scenario;
import dev.switchboard.bench.scenario.TunnelScenario;
import dev.switchboard.bench.scenario.WebSocketHandshakeScenario;
import dev.switchboard.bench.scenario.WebSocketMemoryScenario;
import dev.switchboard.bench.suite.Machine;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;

/**
 * Runs the benchmark scenarios one after another and writes the report ({@code docs/benchmarks.md}):
 * the summary table of every scenario's medians, spread, ratio, target and verdict, then each
 * scenario's details. A scenario that fails is listed as not measured, with the reason.
 *
 * <p>Arguments: {@code <output.md> <full|quick> [all|name,name,...]}, the names being those of
 * {@link Scenario#name()}.
 * System properties: {@code bench.version} and {@code bench.commit} for the report,
 * {@code bench.command} for the line that reruns it; {@code bench.jetty.classpath} and
 * {@code bench.jetty.adapter} for the Jetty server JVM ({@link JettyWebSocketHandshakeScenario}).
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    static List<Scenario> all() {
        return List.of(new PlainGetScenario(), new WebSocketHandshakeScenario(),
                new JettyWebSocketHandshakeScenario(), new EchoScenario(), new JettyEchoScenario(),
                new TunnelScenario(), new Rfc2817Scenario(), new ConnectorRfc2817Scenario(), new MemoryScenario(),
                new WebSocketMemoryScenario(), new JmhScenario());
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        boolean quick = args.length > 1 && args[1].equals("quick");
        Plan plan = quick ? Plan.quick() : Plan.full();
        List<String> selected = args.length > 2 && !args[2].equals("all") ? List.of(args[2].split(",")) : List.of();

        long start = System.nanoTime();
        double loadBefore = Machine.load();
        Map<Scenario, Section> sections = new LinkedHashMap<>();
        for (Scenario s : all()) {
            if (!selected.isEmpty() && !selected.contains(s.name())) {
                continue;
            }
            System.out.println("== " + s.title());
            try {
                sections.put(s, s.run(plan));
            } catch (Exception | Error e) {
                e.printStackTrace();
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                sections.put(s, new Section(s.title(), s.notMeasured(reason.replace('|', '/').replace('\n', ' ')),
                        "Not measured: the run failed with `" + reason.replace('`', '\'') + "`.\n"));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String md = report(plan, sections.values(), loadBefore, Machine.load(), took);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md);
        System.out.println(md);
        System.out.printf(Locale.ROOT, "Wrote %s in %d min %d s%n", output, took.toMinutes(), took.toSecondsPart());
    }

    private static String report(Plan plan, Iterable<Section> sections, double loadBefore, double loadAfter,
            Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `upgrade-bench/run.sh` on ").append(LocalDate.now()).append(" in ")
                .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s. Rerun with:\n\n")
                .append("```sh\n").append(System.getProperty("bench.command", "upgrade-bench/run.sh")).append("\n```\n\n");
        md.append("- Machine: ").append(Machine.describe()).append(".\n");
        md.append(String.format(Locale.ROOT,
                "- Load average (1 min) %.1f before the run and %.1f after it: %s.%n", loadBefore, loadAfter,
                Math.max(loadBefore, loadAfter) > 2.5 ? "the machine was shared with other builds, so single runs "
                        + "are noisy and only the per-pair ratios mean much" : "the machine was mostly quiet"));
        md.append("- Switchboard ").append(System.getProperty("bench.version", "(version not given)"))
                .append(", commit `").append(System.getProperty("bench.commit", "unknown")).append("`; Tomcat ")
                .append(org.apache.catalina.util.ServerInfo.getServerNumber()).append(".\n");
        md.append("- Method (BENCHMARKING.md): ").append(plan.describe())
                .append(". Ratios are candidate over baseline, taken within each pair; the spread is the lowest ")
                .append("and highest per-pair ratio, with the number of pairs.\n\n");
        md.append("## Summary\n\n");
        md.append("| scenario | metric | baseline (median) | Switchboard (median) | ratio (median) | spread (min – max, pairs) "
                + "| target | result |\n|---|---|---:|---:|---:|---|---|---|\n");
        List<Section> list = new ArrayList<>();
        sections.forEach(list::add);
        for (Section s : list) {
            for (Row r : s.rows()) {
                md.append(r.markdown());
            }
        }
        md.append('\n');
        for (Section s : list) {
            md.append("## ").append(s.title()).append("\n\n").append(s.details()).append('\n');
        }
        return md.toString();
    }
}
