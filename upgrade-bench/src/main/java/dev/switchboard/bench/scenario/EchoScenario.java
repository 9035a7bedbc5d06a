package dev.switchboard.bench.scenario;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.switchboard.bench.load.EchoLoad;
import dev.switchboard.bench.load.NioEchoServer;
import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Sample;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.ServerCpu;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Scenario 3: {@code echo/1} after the 101, Switchboard's reference handler on each Tomcat
 * transport ({@code tomcat-loop}, the default on cleartext NIO; {@code tomcat}, on Tomcat's
 * poller; the Servlet one), against a plain one-thread Java NIO echo server
 * ({@link NioEchoServer}), the floor of what any server can do on this machine. The same NIO client upgrades its connections on each and sends messages
 * that each come back whole before the next: 64 KiB ones for bytes per second, 64-byte ones for
 * round trips per second.
 */
public final class EchoScenario implements Scenario {

    private static final String NAME = "3. echo/1 after the 101";
    private static final Target TARGET = Target.atLeast(0.85);
    static final int CONNECTIONS = 16;

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String title() {
        return NAME + " (Tomcat) against a plain NIO echo server";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        try (NioEchoServer nio = NioEchoServer.start();
                EmbeddedTomcat own = EmbeddedTomcat.start(echoApp(Map.of()));
                EmbeddedTomcat poller = EmbeddedTomcat.start(echoApp(Map.of("switchboard.ownLoop", "false")));
                EmbeddedTomcat servlet = EmbeddedTomcat.start(echoApp(Map.of("switchboard.transport", "servlet")));
                EmbeddedTomcat uncapped = EmbeddedTomcat.start(echoApp(Map.of("switchboard.transport", "servlet",
                        "switchboard.capWrites", "false")));
                EmbeddedTomcat floor = EmbeddedTomcat.start(ShrinkWrap.create(WebArchive.class, "raw.war")
                        .addClasses(ServletApiEcho.class, ServletApiEcho.Handler.class,
                                ServletApiEcho.Handler.Reader.class, ServletApiEcho.Handler.Writer.class))) {
            InetSocketAddress nioAddress = new InetSocketAddress("127.0.0.1", nio.port());
            WebSocketHandshakeScenario.CpuClock nioCpu = () -> ServerCpu.threads(NioEchoServer.THREAD_NAME);
            List<Interleaved> large = Interleaved.run("echo 64 KiB", plan, side(nioAddress, "/x", 64 * 1024, nioCpu),
                    List.of(loopSide(own, 64 * 1024), side(servlet, 64 * 1024), side(floor, 64 * 1024),
                            side(uncapped, 64 * 1024), side(poller, 64 * 1024)));
            List<Interleaved> small = Interleaved.run("echo 64 B", plan, side(nioAddress, "/x", 64, nioCpu),
                    List.of(loopSide(own, 64), side(servlet, 64), side(floor, 64), side(uncapped, 64),
                            side(poller, 64)));
            String onPoller = NAME + ": on the tomcat transport (Tomcat's poller)";
            String loopAgainstPoller = NAME + ": the tomcat-loop transport against the tomcat transport";
            String onServlet = NAME + ": on the servlet transport";
            String floorName = NAME + ": the container's floor, an echo on the bare Servlet API";
            String againstFloor = NAME + ": the servlet transport against that floor";
            String uncappedName = NAME + ": the servlet transport without the write cap";
            String capped = NAME + ": the servlet transport with the write cap against without";
            List<Row> rows = List.of(
                    Row.compared(NAME, "MB/s each way, 64 KiB messages", "%.1f", large.get(0), "MB/s", TARGET),
                    Row.compared(NAME, "server CPU µs/64 KiB round trip", "%.0f", large.get(0), "cpu", null),
                    Row.compared(NAME, "round trips/s, 64-byte messages", "%.0f", small.get(0), "round trips/s", TARGET),
                    Row.compared(NAME, "server CPU µs/64-byte round trip", "%.1f", small.get(0), "cpu", null),
                    Row.compared(onPoller, "MB/s each way, 64 KiB messages", "%.1f", large.get(4), "MB/s", null),
                    Row.compared(onPoller, "round trips/s, 64-byte messages", "%.0f", small.get(4), "round trips/s", null),
                    Row.compared(loopAgainstPoller, "MB/s each way, 64 KiB messages", "%.2f",
                            Interleaved.of(large.get(4).candidateSamples(), large.get(0).candidateSamples()), "MB/s", null),
                    Row.compared(loopAgainstPoller, "round trips/s, 64-byte messages", "%.2f",
                            Interleaved.of(small.get(4).candidateSamples(), small.get(0).candidateSamples()),
                            "round trips/s", null),
                    Row.compared(onServlet, "MB/s each way, 64 KiB messages", "%.1f", large.get(1), "MB/s", null),
                    Row.compared(onServlet, "round trips/s, 64-byte messages", "%.0f", small.get(1), "round trips/s", null),
                    Row.compared(floorName, "MB/s each way, 64 KiB messages", "%.1f", large.get(2), "MB/s", null),
                    Row.compared(floorName, "round trips/s, 64-byte messages", "%.0f", small.get(2), "round trips/s", null),
                    Row.compared(againstFloor, "MB/s each way, 64 KiB messages", "%.1f",
                            Interleaved.of(large.get(2).candidateSamples(), large.get(1).candidateSamples()), "MB/s", null),
                    Row.compared(againstFloor, "round trips/s, 64-byte messages", "%.0f",
                            Interleaved.of(small.get(2).candidateSamples(), small.get(1).candidateSamples()),
                            "round trips/s", null),
                    Row.compared(uncappedName, "MB/s each way, 64 KiB messages", "%.1f", large.get(3), "MB/s", null),
                    Row.compared(uncappedName, "round trips/s, 64-byte messages", "%.0f", small.get(3), "round trips/s",
                            null),
                    Row.compared(capped, "MB/s each way, 64 KiB messages", "%.2f",
                            Interleaved.of(large.get(3).candidateSamples(), large.get(1).candidateSamples()), "MB/s", null),
                    Row.compared(capped, "server CPU µs/64 KiB round trip", "%.0f",
                            Interleaved.of(large.get(3).candidateSamples(), large.get(1).candidateSamples()), "cpu", null),
                    Row.compared(capped, "round trips/s, 64-byte messages", "%.0f",
                            Interleaved.of(small.get(3).candidateSamples(), small.get(1).candidateSamples()),
                            "round trips/s", null));
            String details = String.format("""
                    Baseline: `NioEchoServer` in this JVM (one thread, one selector, reads of 16 KiB written \
                    straight back). Candidate: embedded Tomcat %s with `upgrade-servlet`, `upgrade-tomcat` and \
                    `echo/1` (`EchoProtocol`, an `UpgradeSession` on the connection engine), on the \
                    `tomcat-loop` transport (the default where `upgrade-tomcat` is present and the connector \
                    is cleartext NIO: the connection taken off Tomcat's poller onto the application's own \
                    selector loop; one loop, `switchboard.loopThreads=1`, as the baseline has one thread). \
                    Beside it, in the same rounds: the same application with \
                    `switchboard.ownLoop=false` (the `tomcat` transport: Tomcat's internal upgrade path on its \
                    poller), with `switchboard.transport=servlet` (the Servlet non-blocking streams, writes capped below \
                    Tomcat's write buffer), and without the write cap; and, to tell the container's cost from \
                    Switchboard's, a Tomcat serving `ServletApiEcho`: the least an echo can do on the Servlet \
                    non-blocking API (one 16 KiB buffer, no queue, timeouts, counters or serial executor). \
                    %d connections from one NIO client thread, each sending a message and waiting for all of it \
                    to come back before sending the next. Server CPU: the echo server's thread, or the Tomcat \
                    connector's threads and the application's loop thread.
                    """, org.apache.catalina.util.ServerInfo.getServerNumber(), CONNECTIONS);
            return new Section(title(), rows, details);
        }
    }

    /** The echo application with long timeouts, no JMX and {@code params}. */
    private static WebArchive echoApp(Map<String, String> params) {
        // One loop, as the baseline has one thread: the comparison is of what each thread does.
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of("switchboard.idleTimeout", "10m",
                "switchboard.jmx", "false", "switchboard.loopThreads", "1"));
        all.putAll(params);
        return Deployments.upgradeApp("echo", all);
    }

    /** A Tomcat on the {@code tomcat-loop} transport: its CPU includes the application's loop threads. */
    private static Interleaved.Side loopSide(EmbeddedTomcat tomcat, int size) {
        String threads = ServerCpu.tomcatThreads(tomcat);
        return side(new InetSocketAddress("127.0.0.1", tomcat.server().base().getPort()), tomcat.server().path("x"), size,
                () -> ServerCpu.threads(threads) + ServerCpu.threads("switchboard-tomcat-loop-"));
    }

    private static Interleaved.Side side(EmbeddedTomcat tomcat, int size) {
        String threads = ServerCpu.tomcatThreads(tomcat);
        return side(new InetSocketAddress("127.0.0.1", tomcat.server().base().getPort()), tomcat.server().path("x"), size,
                () -> ServerCpu.threads(threads));
    }

    static Interleaved.Side side(InetSocketAddress address, String path, int size,
            WebSocketHandshakeScenario.CpuClock cpu) {
        String host = "127.0.0.1:" + address.getPort();
        return (Duration d) -> {
            long before = cpu.nanos();
            EchoLoad.Result r = EchoLoad.run(address, host, path, CONNECTIONS, size, d);
            long used = cpu.nanos() - before;
            return new Sample().put("MB/s", r.megabytesPerSecond()).put("round trips/s", r.messagesPerSecond())
                    .put("cpu", used / 1e3 / Math.max(1, r.roundTrips()));
        };
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "MB/s each way, 64 KiB messages", TARGET.toString(), reason),
                Row.notMeasured(NAME, "round trips/s, 64-byte messages", TARGET.toString(), reason));
    }
}
