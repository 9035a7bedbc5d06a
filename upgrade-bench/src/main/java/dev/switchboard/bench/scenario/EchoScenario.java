package dev.switchboard.bench.scenario;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

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

/**
 * Scenario 3: {@code echo/1} after the 101, Switchboard's reference handler on Tomcat against a
 * plain one-thread Java NIO echo server ({@link NioEchoServer}), the floor of what any server can
 * do on this machine. The same NIO client upgrades its connections on each and sends messages
 * that each come back whole before the next: 64 KiB ones for bytes per second, 64-byte ones for
 * round trips per second.
 */
public final class EchoScenario implements Scenario {

    private static final String NAME = "3. echo/1 after the 101";
    private static final Target TARGET = Target.atLeast(0.8);
    private static final int CONNECTIONS = 16;

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
                EmbeddedTomcat tomcat = EmbeddedTomcat.start(Deployments.upgradeApp("echo",
                        Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false")))) {
            InetSocketAddress nioAddress = new InetSocketAddress("127.0.0.1", nio.port());
            InetSocketAddress tomcatAddress = new InetSocketAddress("127.0.0.1", tomcat.server().base().getPort());
            String tomcatThreads = ServerCpu.tomcatThreads(tomcat);
            LongSupplier nioCpu = () -> ServerCpu.threads(NioEchoServer.THREAD_NAME);
            LongSupplier tomcatCpu = () -> ServerCpu.threads(tomcatThreads);
            String tomcatPath = tomcat.server().path("x");

            Interleaved large = Interleaved.run("echo 64 KiB", plan,
                    side(nioAddress, "/x", 64 * 1024, nioCpu), side(tomcatAddress, tomcatPath, 64 * 1024, tomcatCpu));
            Interleaved small = Interleaved.run("echo 64 B", plan,
                    side(nioAddress, "/x", 64, nioCpu), side(tomcatAddress, tomcatPath, 64, tomcatCpu));
            List<Row> rows = List.of(
                    Row.compared(NAME, "MB/s each way, 64 KiB messages", "%.1f", large, "MB/s", TARGET),
                    Row.compared(NAME, "server CPU µs/64 KiB round trip", "%.0f", large, "cpu", null),
                    Row.compared(NAME, "round trips/s, 64-byte messages", "%.0f", small, "round trips/s", TARGET),
                    Row.compared(NAME, "server CPU µs/64-byte round trip", "%.1f", small, "cpu", null));
            String details = String.format("""
                    Baseline: `NioEchoServer` in this JVM (one thread, one selector, reads of 16 KiB written \
                    straight back). Candidate: embedded Tomcat %s with `upgrade-servlet` and `echo/1` \
                    (`EchoProtocol`, a `NonBlockingUpgradeHandler`). %d connections from one NIO client thread, \
                    each sending a message and waiting for all of it to come back before sending the next. \
                    Server CPU: the echo server's thread, or the Tomcat connector's threads.
                    """, org.apache.catalina.util.ServerInfo.getServerNumber(), CONNECTIONS);
            return new Section(title(), rows, details);
        }
    }

    private static Interleaved.Side side(InetSocketAddress address, String path, int size, LongSupplier cpu) {
        String host = "127.0.0.1:" + address.getPort();
        return (Duration d) -> {
            long before = cpu.getAsLong();
            EchoLoad.Result r = EchoLoad.run(address, host, path, CONNECTIONS, size, d);
            long used = cpu.getAsLong() - before;
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
