package dev.switchboard.bench.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.bench.scenario.IdleHeap.Measured;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.tomcat.buffers.ConnectionBuffers;

/**
 * Scenario 6b: how many idle WebSocket sessions fit in a fixed heap, with Switchboard's defaults.
 * The plan's sessions (10,000 in the full run) are opened on {@code /ws/p/defaults}, a
 * programmatic endpoint with every default of Switchboard's WebSocket policy, against three
 * servers, each alone in a JVM with {@value #MAX_HEAP} of heap: Tomcat with its own connection
 * and WebSocket buffers, Tomcat with {@link ConnectionBuffers} at its defaults, and Jetty 12.1.
 * For each it reports whether all sessions opened and stayed open, and the heap retained per
 * session (heap after collection with them open, less before, over the sessions).
 */
public final class WebSocketMemoryScenario implements Scenario {

    private static final String NAME = "6b. Idle WebSocket sessions, Switchboard defaults";
    private static final String MAX_HEAP = "512m";
    private static final String PATH = "/ws/p/defaults";

    @Override
    public String name() {
        return "websocket-memory";
    }

    @Override
    public String title() {
        return NAME + " (-Xmx" + MAX_HEAP + ")";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "websocket-memory");
        int count = plan.idleConnections();
        List<String> labels = List.of("Tomcat, its own buffers", "Tomcat, ConnectionBuffers", "Jetty");
        List<Measured> all = new ArrayList<>();
        for (String server : List.of("switchboard-websocket", "switchboard-websocket-small")) {
            try (ServerProcess tomcat = ServerProcess.start(MAX_HEAP, dir.resolve(server + ".log"), server)) {
                all.add(measure(labels.get(all.size()), tomcat, count));
            }
        }
        String jettyVersion;
        try (JettyProcess jetty = JettyProcess.start(MAX_HEAP, app(), dir)) {
            jettyVersion = jetty.version();
            all.add(measure(labels.get(2), jetty, count));
        }
        List<Row> rows = new ArrayList<>();
        StringBuilder details = new StringBuilder(String.format(Locale.ROOT, """
                Each server runs alone in a JVM started with `-Xmx%s` (default collector) and serves the WebSocket \
                test application with Switchboard on and none of its WebSocket options set; the sessions are opened \
                on `%s`, a programmatic endpoint that Switchboard admits with the default policy (%s whole \
                messages, which Switchboard also makes the container's default message buffer size). Servers: \
                embedded Tomcat %s with its own connection and WebSocket buffers (8 KiB each); the same with \
                `ConnectionBuffers` (upgrade-tomcat) at its defaults on the connector (%,d-byte socket buffers, \
                %,d-byte WebSocket I/O buffers); embedded Jetty %s (ee10, Switchboard's Jetty adapter on its class \
                path). The client (one NIO thread, %d handshakes in flight) is this JVM; it sends nothing after \
                the handshake and reads nothing after the 101. Heap: as in scenario 6, `MemoryMXBean` heap used \
                after three `System.gc()` in the server's JVM, read after a warm-up of 200 sessions opened and \
                closed and after each tenth of the sessions, stopping when a step fails or the heap is more than \
                %d%% full after collection. *Still open* counts the sessions on which nothing had arrived at the \
                end (no close frame, no end of stream).

                | server | sessions open | still open | heap before | heap with them open | KiB per session |
                |---|---:|---:|---:|---:|---:|
                """, MAX_HEAP, PATH, "8 KiB", org.apache.catalina.util.ServerInfo.getServerNumber(),
                ConnectionBuffers.DEFAULT_SOCKET_BUFFER_SIZE, ConnectionBuffers.DEFAULT_WEBSOCKET_BUFFER_SIZE,
                jettyVersion, IdleHeap.IN_FLIGHT, IdleHeap.FULL_PERCENT));
        for (int i = 0; i < all.size(); i++) {
            Measured m = all.get(i);
            String scenario = NAME + ": " + labels.get(i);
            rows.add(Row.absolute(scenario, "idle sessions open in -Xmx" + MAX_HEAP,
                    String.format(Locale.ROOT, "%,d of %,d, %,d still open", m.open(), m.asked(), m.idle()),
                    String.format(Locale.ROOT, "%,d", count), m.held()));
            rows.add(new Row(scenario, "heap KiB per idle session", "—",
                    String.format(Locale.ROOT, "%.1f", m.perConnectionKiB()), "—", "—", "—", "(reported)"));
            details.append(String.format(Locale.ROOT, "| %s | %,d of %,d%s | %,d | %.1f MiB | %.1f MiB | %.1f |%n",
                    labels.get(i), m.open(), m.asked(),
                    m.failure() == null ? "" : " (" + m.failure().replace('|', '/') + ")", m.idle(),
                    m.before() / 1048576.0, m.after() / 1048576.0, m.perConnectionKiB()));
        }
        return new Section(title(), rows, details.toString());
    }

    private static Measured measure(String label, IdleServer server, int count) throws Exception {
        System.out.println("websocket-memory: " + label + ", " + count + " sessions");
        return IdleHeap.measure(label, server, IdleHeap.webSocketRequest(PATH, server.port()), count);
    }

    private static WebArchive app() {
        return WebSocketDeployments.app("ws", Map.of("switchboard.jmx", "false"));
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "idle sessions open in -Xmx" + MAX_HEAP, "10,000", reason));
    }
}
