package dev.switchboard.bench.websocket;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.coyote.AbstractProtocol;

import dev.switchboard.bench.load.HandshakeLoad;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.WebSocketDeployments;

/**
 * WebSocket handshakes per second through Switchboard against Tomcat's own handshake on the
 * same endpoint, side by side (BENCHMARKING.md). Two embedded Tomcats serve the same WAR: one
 * with Switchboard on, one with {@code switchboard.enabled=false}. Three targets:
 * <ul>
 *   <li>Tomcat's own handshake: the annotated {@code /a/container} endpoint, Switchboard off;</li>
 *   <li>the same endpoint with Switchboard on: validated and policed, then switched by Tomcat's
 *       WebSocket filter;</li>
 *   <li>a programmatic endpoint ({@code /p/echo}) that Switchboard upgrades itself with
 *       {@code upgradeHttpToWebSocket}.</li>
 * </ul>
 * The same one-thread NIO client drives each; runs are interleaved after a warm-up and the
 * ratio against Tomcat's own handshake is taken within each round. Besides handshakes per
 * second, the CPU time of each server's connector threads per handshake is reported, which is
 * steadier than throughput on a shared machine.
 *
 * <p>Arguments: {@code <output.md> [rounds] [seconds per run] [connections]}.
 */
public final class HandshakeBench {

    private HandshakeBench() {
    }

    private record Target(String name, EmbeddedTomcat server, String path) {
        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.server().base().getPort());
        }

        String host() {
            return server.server().host();
        }

        /** Thread name prefix of the server's connector, such as {@code http-nio-127.0.0.1-auto-1}. */
        String threads() {
            String name = ((AbstractProtocol<?>) server.tomcat().getConnector().getProtocolHandler()).getName()
                    .replace("\"", "");
            // Threads are named at start, before a port-0 connector's name gains its port.
            String port = "-" + server.tomcat().getConnector().getLocalPort();
            return (name.endsWith(port) ? name.substring(0, name.length() - port.length()) : name) + "-";
        }
    }

    private record Sample(double perSecond, double cpuMicrosPerHandshake) {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "target/websocket-handshakes.md");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Duration run = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 5);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        Map<String, String> quiet = Map.of("switchboard.jmx", "false");
        try (EmbeddedTomcat off = EmbeddedTomcat.start(WebSocketDeployments.app("off",
                Map.of("switchboard.enabled", "false", "switchboard.jmx", "false")));
                EmbeddedTomcat on = EmbeddedTomcat.start(WebSocketDeployments.app("on", quiet))) {
            List<Target> targets = List.of(
                    new Target("Tomcat's own handshake (Switchboard off)", off, "/off/a/container"),
                    new Target("Switchboard, then Tomcat's filter (annotated endpoint)", on, "/on/a/container"),
                    new Target("Switchboard's upgradeHttpToWebSocket (programmatic endpoint)", on, "/on/p/echo"));
            for (Target t : targets) {
                measure(t, connections, Duration.ofSeconds(3)); // warm-up
            }
            List<List<Sample>> samples = new ArrayList<>();
            targets.forEach(t -> samples.add(new ArrayList<>()));
            List<Sample[]> byRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Sample[] row = new Sample[targets.size()];
                // Each round starts with the next target, so that no target always runs first.
                for (int k = 0; k < targets.size(); k++) {
                    int i = (round + k) % targets.size();
                    Sample s = measure(targets.get(i), connections, run);
                    row[i] = s;
                    System.out.printf(Locale.ROOT, "round %d %-62s %8.0f/s %7.1f us%n", round + 1, targets.get(i).name(),
                            s.perSecond(), s.cpuMicrosPerHandshake());
                }
                byRound.add(row);
            }
            for (Sample[] row : byRound) {
                for (int i = 0; i < row.length; i++) {
                    samples.get(i).add(row[i]);
                }
            }
            String md = report(targets, samples, rounds, run, connections);
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, md);
            System.out.println(md);
        }
    }

    private static Sample measure(Target t, int connections, Duration duration) throws IOException {
        long cpuBefore = cpu(t.threads());
        HandshakeLoad.Result r = HandshakeLoad.run(t.address(), t.host(), t.path(), connections, duration);
        long cpuAfter = cpu(t.threads());
        return new Sample(r.perSecond(), (cpuAfter - cpuBefore) / 1e3 / Math.max(1, r.handshakes()));
    }

    /** CPU nanoseconds used so far by the live threads whose names start with {@code prefix}. */
    private static long cpu(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, t);
            }
        }
        return total;
    }

    private static String report(List<Target> targets, List<List<Sample>> samples, int rounds, Duration run,
            int connections) {
        StringBuilder md = new StringBuilder();
        md.append("## WebSocket handshakes\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", Tomcat ").append(org.apache.catalina.util.ServerInfo.getServerNumber()).append(".\n");
        md.append("Load: ").append(connections).append(" connections at a time, each connecting, sending the ")
                .append("opening handshake, reading the 101, and closing with a close frame; ").append(rounds)
                .append(" rounds of ").append(run.toSeconds())
                .append(" s runs, the targets interleaved and each round starting with the next one, after a warm-up. ")
                .append("Server CPU: the connector threads of the target's Tomcat.\n\n");
        md.append("| target | handshakes/s (median) | server CPU per handshake (median) |\n|---|---|---|\n");
        for (int i = 0; i < targets.size(); i++) {
            md.append("| ").append(targets.get(i).name()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", median(samples.get(i), true))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f µs", median(samples.get(i), false))).append(" |\n");
        }
        md.append('\n');
        for (int i = 1; i < targets.size(); i++) {
            List<Double> rate = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Sample base = samples.get(0).get(r);
                Sample s = samples.get(i).get(r);
                rate.add(s.perSecond() / base.perSecond());
                cpu.add(s.cpuMicrosPerHandshake() / base.cpuMicrosPerHandshake());
            }
            md.append(targets.get(i).name()).append(" / Tomcat's own, per round: handshakes/s ")
                    .append(spread(rate)).append("; server CPU per handshake ").append(spread(cpu)).append(".\n\n");
        }
        md.append("Measured ").append(LocalDate.now()).append(". Rerun with `upgrade-bench/websocket-handshakes.sh`.\n");
        return md.toString();
    }

    private static double median(List<Sample> samples, boolean rate) {
        List<Double> values = new ArrayList<>();
        samples.forEach(s -> values.add(rate ? s.perSecond() : s.cpuMicrosPerHandshake()));
        return median(values);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String spread(List<Double> ratios) {
        return String.format(Locale.ROOT, "median %.2f, min %.2f, max %.2f", median(ratios), Collections.min(ratios),
                Collections.max(ratios));
    }
}
