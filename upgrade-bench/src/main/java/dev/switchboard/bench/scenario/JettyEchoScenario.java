package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

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
 * Scenario 3 on Jetty 12.1: the Tomcat scenario's {@code echo/1} application and client
 * against the same NIO echo server, with Switchboard's defaults and with
 * {@code switchboard.capWrites=false}, to show what the write cap does where the container
 * reports no write buffer. Jetty runs in a JVM of its own, as in
 * {@link JettyWebSocketHandshakeScenario}, whose class path it uses.
 */
public final class JettyEchoScenario implements Scenario {

    private static final String NAME = "3. echo/1 after the 101, Jetty 12.1";
    private static final Target TARGET = Target.atLeast(0.8);

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
        String classPath = JettyWebSocketHandshakeScenario.serverClassPath();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "echo-jetty");
        Path capped = JettyWebSocketHandshakeScenario.export(Deployments.upgradeApp("capped",
                Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false")), dir);
        Path uncapped = JettyWebSocketHandshakeScenario.export(Deployments.upgradeApp("uncapped",
                Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false", "switchboard.capWrites", "false")),
                dir);
        try (NioEchoServer nio = NioEchoServer.start();
                ChildJvm jetty = ChildJvm.start(classPath, List.of(), JettyWebSocketHandshakeScenario.SERVER_MAIN,
                        List.of("capped=" + capped, "uncapped=" + uncapped), dir.resolve("jetty.log"))) {
            String version = jetty.expect("version ");
            int cappedPort = Integer.parseInt(jetty.expect("port capped "));
            int uncappedPort = Integer.parseInt(jetty.expect("port uncapped "));
            InetSocketAddress nioAddress = new InetSocketAddress("127.0.0.1", nio.port());
            LongSupplier nioCpu = () -> ServerCpu.threads(NioEchoServer.THREAD_NAME);
            List<Interleaved> large = Interleaved.run("Jetty echo 64 KiB", plan,
                    EchoScenario.side(nioAddress, "/x", 64 * 1024, nioCpu),
                    List.of(side(jetty, "capped", cappedPort, 64 * 1024), side(jetty, "uncapped", uncappedPort, 64 * 1024)));
            List<Interleaved> small = Interleaved.run("Jetty echo 64 B", plan, EchoScenario.side(nioAddress, "/x", 64, nioCpu),
                    List.of(side(jetty, "capped", cappedPort, 64), side(jetty, "uncapped", uncappedPort, 64)));
            String against = NAME + ": defaults against capWrites=false";
            List<Row> rows = List.of(
                    Row.compared(NAME, "MB/s each way, 64 KiB messages", "%.1f", large.get(0), "MB/s", TARGET),
                    Row.compared(NAME, "server CPU µs/64 KiB round trip", "%.0f", large.get(0), "cpu", null),
                    Row.compared(NAME, "round trips/s, 64-byte messages", "%.0f", small.get(0), "round trips/s", TARGET),
                    Row.compared(NAME, "server CPU µs/64-byte round trip", "%.1f", small.get(0), "cpu", null),
                    Row.compared(against, "MB/s each way, 64 KiB messages", "%.2f",
                            Interleaved.of(large.get(1).candidateSamples(), large.get(0).candidateSamples()), "MB/s", null),
                    Row.compared(against, "round trips/s, 64-byte messages", "%.0f",
                            Interleaved.of(small.get(1).candidateSamples(), small.get(0).candidateSamples()),
                            "round trips/s", null));
            String details = String.format("""
                    Baseline: `NioEchoServer` in the suite's JVM. Candidates: embedded Jetty %s (ee10, with \
                    Switchboard's Jetty adapter on its class path) in a JVM of its own, two instances serving the \
                    `echo/1` application of the Tomcat scenario, one with Switchboard's defaults and one with \
                    `switchboard.capWrites=false`; Jetty's support reports no write buffer, so both write up to \
                    64 KiB at a time and the pair shows the spread of two equal servers. %d connections from one NIO \
                    client thread, as on Tomcat. Server CPU: the threads of the target's pool, read in the server's \
                    JVM.
                    """, version, EchoScenario.CONNECTIONS);
            return new Section(title(), rows, details);
        }
    }

    private static Interleaved.Side side(ChildJvm jetty, String server, int port, int size) {
        return EchoScenario.side(new InetSocketAddress("127.0.0.1", port), "/" + server + "/x", size,
                () -> {
                    try {
                        return Long.parseLong(jetty.ask("cpu " + server, "cpu "));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "MB/s each way, 64 KiB messages", TARGET.toString(), reason),
                Row.notMeasured(NAME, "round trips/s, 64-byte messages", TARGET.toString(), reason));
    }
}
