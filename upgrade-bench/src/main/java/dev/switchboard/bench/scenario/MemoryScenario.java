package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.switchboard.bench.scenario.IdleHeap.Measured;
import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Sample;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Target;

/**
 * Scenario 6: heap per idle upgraded connection. Each server runs alone in a JVM with
 * {@value #MAX_HEAP} of heap ({@link MemoryServer}); after a warm-up the heap in use after full
 * collections is read, the plan's connections are switched and left idle, and the heap is read
 * again. The difference divided by the connections is the figure; Tomcat's own WebSocket is the
 * baseline for Switchboard's WebSocket, {@code echo/1} and the tunnel (whose gateway holds two
 * sockets per connection, and whose backend runs in a third JVM).
 */
public final class MemoryScenario implements Scenario {

    private static final String NAME = "6. Memory per idle connection";
    private static final String MAX_HEAP = "512m";
    private static final Target TARGET = Target.atMost(1.1);

    private record Kind(String label, String server, String path) {
    }


    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String title() {
        return NAME + " (Tomcat, -Xmx" + MAX_HEAP + ")";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        Path logs = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "memory");
        int count = plan.idleConnections();
        long fds = maxFileDescriptors();
        // The gateway holds the client's socket and the backend's; leave room for the JVM's own files and jars.
        int tunnelCount = (int) Math.min(count, (fds - 1000) / 2);

        Measured tomcatWs = measure(logs, new Kind("Tomcat WebSocket", "tomcat-websocket", "/ws/a/container"), count, null);
        Measured switchboardWs = measure(logs, new Kind("Switchboard WebSocket", "switchboard-websocket", "/ws/p/echo"), count,
                null);
        Measured echo = measure(logs, new Kind("echo/1", "echo", "/echo/x"), count, null);
        Measured tunnel;
        try (ServerProcess backend = ServerProcess.start("1g", logs.resolve("backend.log"), "echo")) {
            tunnel = measure(logs, new Kind("tunnel", "tunnel", "/gw/t/x"), tunnelCount,
                    "http://127.0.0.1:" + backend.port() + "/echo/");
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row("Switchboard WebSocket (programmatic endpoint)", tomcatWs, switchboardWs));
        rows.add(row("echo/1", tomcatWs, echo));
        rows.add(row("tunnel (gateway JVM)", tomcatWs, tunnel));
        rows.add(ceiling("Tomcat WebSocket", tomcatWs, count));
        rows.add(ceiling("Switchboard WebSocket", switchboardWs, count));
        rows.add(ceiling("echo/1", echo, count));
        rows.add(ceiling("tunnel", tunnel, count));
        StringBuilder details = new StringBuilder(String.format(Locale.ROOT, """
                Each server is an embedded Tomcat %s alone in a JVM started with `-Xmx%s` (default collector) and \
                `maxConnections=-1`; the client (one NIO thread, %d handshakes in flight) is this JVM. Heap: \
                `MemoryMXBean` heap used after three `System.gc()` in the server's JVM, read after a warm-up of 200 \
                connections opened and closed, and again after each tenth of the connections has been opened; \
                the JVM exits on `OutOfMemoryError`, and stepping stops when a step fails or the heap is more than \
                85%% full after collection, so that the figure is the one of the highest count reached. Open-file limit here: \
                %,d (`ulimit -Hn`, which this machine does not let the script raise), so the tunnel gateway, \
                holding two sockets per connection, was measured with %,d connections. Baseline: Tomcat's own \
                WebSocket (annotated endpoint, Switchboard off); `/ws/p/echo` is switched by Switchboard's \
                `upgradeHttpToWebSocket`.

                | server | connections open | heap before | heap with them open | KiB per connection |
                |---|---:|---:|---:|---:|
                """, org.apache.catalina.util.ServerInfo.getServerNumber(), MAX_HEAP, IdleHeap.IN_FLIGHT, fds, tunnelCount));
        String[] labels = {"Tomcat WebSocket", "Switchboard WebSocket", "echo/1", "tunnel gateway"};
        Measured[] all = {tomcatWs, switchboardWs, echo, tunnel};
        for (int i = 0; i < all.length; i++) {
            Measured m = all[i];
            details.append(String.format(Locale.ROOT, "| %s | %,d of %,d%s | %.1f MiB | %.1f MiB | %.1f |%n", labels[i],
                    m.open(), m.asked(), m.failure() == null ? "" : " (" + m.failure().replace('|', '/') + ")",
                    m.before() / 1048576.0, m.after() / 1048576.0, m.perConnectionKiB()));
        }
        return new Section(title(), rows, details.toString());
    }

    private static Row row(String label, Measured baseline, Measured candidate) {
        Interleaved one = Interleaved.of(List.of(new Sample().put("kib", baseline.perConnectionKiB())),
                List.of(new Sample().put("kib", candidate.perConnectionKiB())));
        return Row.compared(NAME + ": " + label + " against Tomcat's WebSocket", "heap KiB per idle connection",
                "%.1f", one, "kib", TARGET);
    }

    private static Row ceiling(String label, Measured m, int wanted) {
        String value = String.format(Locale.ROOT, "%,d (heap %.0f MiB)", m.open(), m.after() / 1048576.0);
        String target = String.format(Locale.ROOT, "%,d", wanted);
        if (m.asked() < wanted && m.open() == m.asked() && m.failure() == null) {
            return Row.notMeasured(NAME + ": " + label, "connections open in -Xmx" + MAX_HEAP, target,
                    String.format(Locale.ROOT, "the open-file limit allows %,d here; all %,d opened (%s)", m.asked(),
                            m.asked(), value));
        }
        return Row.absolute(NAME + ": " + label, "connections open in -Xmx" + MAX_HEAP, value, target,
                m.open() == wanted && m.failure() == null);
    }

    private static Measured measure(Path logs, Kind kind, int count, String backend) throws Exception {
        System.out.println("memory: " + kind.label() + ", " + count + " connections");
        String[] args = backend == null ? new String[] {kind.server()} : new String[] {kind.server(), backend};
        try (ServerProcess server = ServerProcess.start(MAX_HEAP, logs.resolve(kind.server() + ".log"), args)) {
            return IdleHeap.measure(kind.label(), server, request(kind, server.port()), count);
        }
    }

    private static byte[] request(Kind kind, int port) {
        if (kind.server().endsWith("websocket")) {
            return IdleHeap.webSocketRequest(kind.path(), port);
        }
        return ("GET " + kind.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: echo/1\r\nConnection: upgrade\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long maxFileDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 4096;
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "heap KiB per idle connection", TARGET.toString(), reason));
    }
}
