package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import dev.switchboard.bench.load.EchoLoad;
import dev.switchboard.bench.load.Nginx;
import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Sample;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Stats;
import dev.switchboard.bench.suite.ServerCpu;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;

/**
 * Scenario 4: Switchboard's upgrade tunnel ({@code upgrade-proxy} on a gateway Tomcat) against
 * nginx from the system's package, both proxying the same {@code echo/1} backend Tomcat. The
 * same NIO client sends messages through each that come back whole before the next. With
 * 64-byte messages each round also runs against the backend directly, so that the latency each
 * proxy adds is its round-trip time less the direct one, pair by pair.
 */
public final class TunnelScenario implements Scenario {

    private static final String NAME = "4. Tunnel against nginx";
    private static final Target THROUGHPUT = Target.atLeast(1.0);
    private static final Target P99 = Target.atMost(1.0);
    private static final int CONNECTIONS = 16;

    @Override
    public String name() {
        return "tunnel";
    }

    @Override
    public String title() {
        return NAME + " (Tomcat)";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        Path nginxBinary = Path.of(System.getProperty("nginx", "/usr/sbin/nginx"));
        if (!Files.isExecutable(nginxBinary)) {
            throw new IOException("no nginx at " + nginxBinary + " (install the Debian package nginx)");
        }
        try (EmbeddedTomcat backend = EmbeddedTomcat.start(Deployments.upgradeApp("backend",
                Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false")))) {
            String backendUrl = "http://127.0.0.1:" + backend.server().base().getPort() + "/backend/";
            try (EmbeddedTomcat gateway = EmbeddedTomcat.start(ProxyDeployments.gateway("gw", Map.of(
                    "switchboard.proxy.routes", "/t/ -> " + backendUrl,
                    "switchboard.proxy.idleTimeout", "10m", "switchboard.jmx", "false")));
                    Nginx nginx = Nginx.start(nginxBinary, Files.createTempDirectory("switchboard-nginx"), freePort(),
                            "/t/", backendUrl)) {
                String gatewayThreads = ServerCpu.tomcatThreads(gateway);
                Interleaved.Side direct = side(backend.server().base().getPort(), "/backend/x", 64, () -> 0);
                Interleaved.Side viaNginx = side(nginx.port(), "/t/x", 64, () -> processCpu(nginx.pid()));
                // The tunnel's work runs on the connector's threads and on the gateway's own
                // (Tomcat's takeover loop, the relay loop, the timer).
                LongSupplier gatewayCpu = () -> ServerCpu.threads(gatewayThreads) + ServerCpu.switchboardThreads("/gw");
                Interleaved.Side viaTunnel = side(gateway.server().base().getPort(), "/gw/t/x", 64, gatewayCpu);
                List<Interleaved> small = Interleaved.run("tunnel 64 B", plan, viaNginx, List.of(viaTunnel, direct));
                Interleaved large = Interleaved.run("tunnel 64 KiB", plan,
                        side(nginx.port(), "/t/x", 64 * 1024, () -> processCpu(nginx.pid())),
                        side(gateway.server().base().getPort(), "/gw/t/x", 64 * 1024, gatewayCpu));
                Interleaved added = addedLatency(small.get(0), small.get(1));
                List<Row> rows = List.of(
                        Row.compared(NAME, "messages/s, 64-byte messages", "%.0f", small.get(0), "messages/s",
                                THROUGHPUT),
                        Row.compared(NAME, "MB/s each way, 64 KiB messages", "%.1f", large, "MB/s", THROUGHPUT),
                        Row.compared(NAME, "added p50 latency µs, 64-byte messages", "%.0f", added, "p50", null),
                        Row.compared(NAME, "added p99 latency µs, 64-byte messages", "%.0f", added, "p99", P99),
                        Row.compared(NAME, "proxy CPU µs/64-byte round trip", "%.1f", small.get(0), "cpu", null),
                        Row.compared(NAME, "proxy CPU µs/64 KiB round trip", "%.0f", large, "cpu", null));
                Stats direct64 = small.get(1).candidate("messages/s");
                String details = String.format("""
                        Backend: embedded Tomcat %s serving `echo/1`. Candidate: a gateway Tomcat with \
                        `upgrade-proxy` routing `/t/` to the backend, its tunnels on the `tomcat-loop` transport's \
                        loops (`switchboard.loopThreads` unset: one per processor, %d here). Baseline: %s with \
                        `worker_processes 2` and \
                        the WebSocket proxying configuration nginx documents (HTTP/1.1 to the backend, `Upgrade` and \
                        `Connection` passed on), started on a free loopback port. %d connections from one NIO client \
                        thread, each sending a message and waiting for all of it to come back. The backend directly \
                        managed a median of %.0f messages/s with 64-byte messages. Added latency: the proxy's \
                        round-trip percentile less the backend's own in the same round (closed loop, %d \
                        connections, so it includes queueing). Proxy CPU: the gateway's connector threads and \
                        Switchboard's threads of the gateway application (its takeover loops, relay loop and timer), \
                        or the nginx processes from `/proc` (10 ms ticks).
                        """, org.apache.catalina.util.ServerInfo.getServerNumber(),
                        Runtime.getRuntime().availableProcessors(), Nginx.version(nginxBinary),
                        CONNECTIONS, direct64.median(), CONNECTIONS);
                return new Section(title(), rows, details);
            }
        }
    }

    /** Per round: each proxy's percentiles less the backend's own, baseline nginx, candidate the tunnel. */
    private static Interleaved addedLatency(Interleaved tunnelVsNginx, Interleaved directVsNginx) {
        List<Sample> nginx = new ArrayList<>();
        List<Sample> tunnel = new ArrayList<>();
        for (int i = 0; i < tunnelVsNginx.pairs(); i++) {
            Sample n = tunnelVsNginx.baselineSamples().get(i);
            Sample t = tunnelVsNginx.candidateSamples().get(i);
            Sample d = directVsNginx.candidateSamples().get(i);
            nginx.add(new Sample().put("p50", n.get("p50") - d.get("p50")).put("p99", n.get("p99") - d.get("p99")));
            tunnel.add(new Sample().put("p50", t.get("p50") - d.get("p50")).put("p99", t.get("p99") - d.get("p99")));
        }
        return Interleaved.of(nginx, tunnel);
    }

    private static Interleaved.Side side(int port, String path, int size, LongSupplier cpu) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        return (Duration d) -> {
            long before = cpu.getAsLong();
            EchoLoad.Result r = EchoLoad.run(address, "127.0.0.1:" + port, path, CONNECTIONS, size, d);
            long used = cpu.getAsLong() - before;
            return new Sample().put("messages/s", r.messagesPerSecond()).put("MB/s", r.megabytesPerSecond())
                    .put("p50", r.percentileMicros(50)).put("p99", r.percentileMicros(99))
                    .put("cpu", used / 1e3 / Math.max(1, r.roundTrips()));
        };
    }

    private static long processCpu(long pid) {
        try {
            return ServerCpu.process(pid);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read nginx's CPU time", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(
                Row.notMeasured(NAME, "messages/s, 64-byte messages", THROUGHPUT.toString(), reason),
                Row.notMeasured(NAME, "MB/s each way, 64 KiB messages", THROUGHPUT.toString(), reason),
                Row.notMeasured(NAME, "added p99 latency µs, 64-byte messages", P99.toString(), reason));
    }
}
