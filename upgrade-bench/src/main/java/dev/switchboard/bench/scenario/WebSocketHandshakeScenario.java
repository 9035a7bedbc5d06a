package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.switchboard.bench.load.HandshakeLoad;
import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Sample;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.ServerCpu;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.WebSocketDeployments;

/**
 * Scenario 2 on Tomcat: WebSocket handshakes (connect, 101, close frame both ways) through
 * Switchboard against Tomcat's own handshake on the same endpoint. Two embedded Tomcats in this
 * JVM serve the same WAR, one with {@code switchboard.enabled=false}. Two candidates: the
 * annotated endpoint, validated and policed by Switchboard and then switched by Tomcat's filter,
 * and a programmatic endpoint that Switchboard switches itself with {@code upgradeHttpToWebSocket}.
 */
public final class WebSocketHandshakeScenario implements Scenario {

    private static final String NAME = "2. WebSocket handshakes, Tomcat";
    private static final Target TARGET = Target.atLeast(0.95);
    static final int CONNECTIONS = 16;

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public String title() {
        return NAME;
    }

    @Override
    public Section run(Plan plan) throws Exception {
        Map<String, String> quiet = Map.of("switchboard.jmx", "false");
        try (EmbeddedTomcat off = EmbeddedTomcat.start(WebSocketDeployments.app("off",
                Map.of("switchboard.enabled", "false", "switchboard.jmx", "false")));
                EmbeddedTomcat on = EmbeddedTomcat.start(WebSocketDeployments.app("on", quiet))) {
            List<Interleaved> results = Interleaved.run("WebSocket", plan, side(off, "/off/a/container"),
                    List.of(side(on, "/on/a/container"), side(on, "/on/p/echo")));
            String annotated = NAME + ": annotated endpoint, Switchboard then Tomcat's filter";
            String programmatic = NAME + ": programmatic endpoint, Switchboard's upgradeHttpToWebSocket";
            List<Row> rows = List.of(
                    Row.compared(annotated, "handshakes/s", "%.0f", results.get(0), "handshakes/s", TARGET),
                    Row.compared(annotated, "server CPU µs/handshake", "%.0f", results.get(0), "cpu", null),
                    Row.compared(programmatic, "handshakes/s", "%.0f", results.get(1), "handshakes/s", TARGET),
                    Row.compared(programmatic, "server CPU µs/handshake", "%.0f", results.get(1), "cpu", null));
            String details = String.format("""
                    Embedded Tomcat %s, two instances in one JVM serving the WebSocket test application: \
                    baseline `/off/a/container` (an annotated endpoint, Switchboard off, so Tomcat's own \
                    handshake), candidates `/on/a/container` (the same endpoint with Switchboard on) and \
                    `/on/p/echo` (a programmatic endpoint with an origin and subprotocol policy). %d connections \
                    at a time from one NIO client thread, each connecting, sending the opening handshake, reading \
                    the 101, sending a close frame and reading the server's close and end of stream. Server CPU: \
                    the target's connector threads.
                    """, org.apache.catalina.util.ServerInfo.getServerNumber(), CONNECTIONS);
            return new Section(title(), rows, details);
        }
    }

    private static Interleaved.Side side(EmbeddedTomcat tomcat, String path) {
        String threads = ServerCpu.tomcatThreads(tomcat);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", tomcat.server().base().getPort());
        return handshakes(address, tomcat.server().host(), path, () -> ServerCpu.threads(threads));
    }

    /** CPU nanoseconds a server has used so far. */
    @FunctionalInterface
    interface CpuClock {
        long nanos() throws IOException;
    }

    /**
     * A side that runs {@link HandshakeLoad} against {@code path} with {@value #CONNECTIONS}
     * connections and reports {@code handshakes/s} and {@code cpu}, the server's CPU time per
     * handshake in microseconds as {@code cpu} tells it.
     */
    static Interleaved.Side handshakes(InetSocketAddress address, String host, String path, CpuClock cpu) {
        return (Duration d) -> {
            long before = cpu.nanos();
            HandshakeLoad.Result r = HandshakeLoad.run(address, host, path, CONNECTIONS, d);
            long used = cpu.nanos() - before;
            return new Sample().put("handshakes/s", r.perSecond())
                    .put("cpu", used / 1e3 / Math.max(1, r.handshakes()));
        };
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "handshakes/s", TARGET.toString(), reason));
    }
}
