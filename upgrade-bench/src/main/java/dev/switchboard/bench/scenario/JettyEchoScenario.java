package dev.switchboard.bench.scenario;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.switchboard.bench.load.NioEchoServer;
import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.ServerCpu;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.Deployments;

/**
 * Scenario 3 on Jetty 12.1: {@code echo/1} on each of Switchboard's transports on Jetty
 * against the plain NIO echo server, as {@link EchoScenario} measures Tomcat: {@code jetty}
 * (Jetty's own, {@code switchboard.transport=auto}) and {@code servlet} (the adapter's Servlet
 * streams), in one Jetty JVM of their own ({@link JettyServer}), one server each.
 */
public final class JettyEchoScenario implements Scenario {

    private static final String NAME = "3. echo/1 after the 101, Jetty 12.1";
    private static final Target TARGET = Target.atLeast(0.85);
    /**
     * How many times the plan's warm-up each side gets: the Jetty JVM starts cold for this
     * scenario, while the NIO echo runs in the suite's JVM, already compiled.
     */
    private static final int WARM_UP_FACTOR = 3;
    /** As in {@link EchoScenario}. */

    @Override
    public String name() {
        return "echo-jetty";
    }

    @Override
    public String title() {
        return NAME + " against a plain NIO echo server";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "echo-jetty");
        Map<String, String> common = Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false");
        Path fast = JettyWebSocketHandshakeScenario.export(Deployments.upgradeApp("fast", common), dir);
        Path servlet = JettyWebSocketHandshakeScenario.export(Deployments.upgradeApp("servlet",
                Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false", "switchboard.transport", "servlet")),
                dir);
        try (NioEchoServer nio = NioEchoServer.start();
                ChildJvm jetty = ChildJvm.start(JettyWebSocketHandshakeScenario.serverClassPath(), List.of(),
                        JettyWebSocketHandshakeScenario.SERVER_MAIN, List.of("fast=" + fast, "servlet=" + servlet),
                        dir.resolve("jetty.log"))) {
            String version = jetty.expect("version ");
            int fastPort = Integer.parseInt(jetty.expect("port fast "));
            int servletPort = Integer.parseInt(jetty.expect("port servlet "));
            InetSocketAddress nioAddress = new InetSocketAddress("127.0.0.1", nio.port());
            WebSocketHandshakeScenario.CpuClock nioCpu = () -> ServerCpu.threads(NioEchoServer.THREAD_NAME);
            Plan warmer = plan.withWarmUp(plan.warmUp().multipliedBy(WARM_UP_FACTOR));
            List<Interleaved> large = Interleaved.run("echo 64 KiB on Jetty", warmer,
                    EchoScenario.side(nioAddress, "/x", 64 * 1024, nioCpu),
                    List.of(side(jetty, "fast", fastPort, 64 * 1024), side(jetty, "servlet", servletPort, 64 * 1024)));
            List<Interleaved> small = Interleaved.run("echo 64 B on Jetty", warmer, EchoScenario.side(nioAddress, "/x", 64, nioCpu),
                    List.of(side(jetty, "fast", fastPort, 64), side(jetty, "servlet", servletPort, 64)));
            String onJetty = NAME + ": the jetty transport";
            String onServlet = NAME + ": the servlet transport";
            List<Row> rows = List.of(
                    Row.compared(onJetty, "MB/s each way, 64 KiB messages", "%.1f", large.get(0), "MB/s", TARGET),
                    Row.compared(onJetty, "server CPU µs/64 KiB round trip", "%.0f", large.get(0), "cpu", null),
                    Row.compared(onJetty, "round trips/s, 64-byte messages", "%.0f", small.get(0), "round trips/s",
                            TARGET),
                    Row.compared(onJetty, "server CPU µs/64-byte round trip", "%.1f", small.get(0), "cpu", null),
                    Row.compared(onServlet, "MB/s each way, 64 KiB messages", "%.1f", large.get(1), "MB/s", null),
                    Row.compared(onServlet, "round trips/s, 64-byte messages", "%.0f", small.get(1), "round trips/s",
                            null));
            String details = String.format("""
                    Baseline: `NioEchoServer` in this JVM, as in scenario 3. Candidates: embedded Jetty %s (ee10, \
                    Switchboard's Jetty adapter on its class path) in a JVM of its own, two servers serving \
                    `echo/1` (`EchoProtocol` on the connection engine): `/fast` with `switchboard.transport=auto`, \
                    which runs on Jetty's own transport, and `/servlet` with `switchboard.transport=servlet`, which \
                    runs on the adapter's Servlet streams. %d connections from one NIO client thread, each sending \
                    a message and waiting for all of it to come back before sending the next. Server CPU: the echo \
                    server's thread, or the threads of the Jetty server's pool (acceptor, selectors, tasks). Each \
                    side is warmed up for %d s (%d times the plan's: the Jetty JVM starts cold), then measured in %d \
                    interleaved pairs of %d s.
                    """, version, EchoScenario.CONNECTIONS, warmer.warmUp().toSeconds(), WARM_UP_FACTOR, plan.pairs(),
                    plan.run().toSeconds());
            return new Section(title(), rows, details);
        }
    }

    private static Interleaved.Side side(ChildJvm jetty, String server, int port, int size) {
        return EchoScenario.side(new InetSocketAddress("127.0.0.1", port), "/" + server + "/x", size,
                () -> Long.parseLong(jetty.ask("cpu " + server, "cpu ")));
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "MB/s each way, 64 KiB messages", TARGET.toString(), reason),
                Row.notMeasured(NAME, "round trips/s, 64-byte messages", TARGET.toString(), reason));
    }
}
