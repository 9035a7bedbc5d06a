package dev.switchboard.bench.tunnel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.bench.load.EchoLoad;
import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;

/**
 * Messages per second and MB/s through Switchboard's tunnel against nginx proxying the same
 * backend, side by side (BENCHMARKING.md): one backend Tomcat serving {@code echo/1}, a
 * gateway Tomcat with the tunnel, nginx, and the same one-thread NIO client for each. Runs
 * are interleaved (tunnel, nginx, tunnel, nginx, ...) after a warm-up, and the ratio is
 * taken within each pair so that the machine's drift cancels out.
 *
 * <p>Arguments: {@code <output.md> [pairs] [seconds per run] [connections]}. The nginx
 * binary comes from {@code -Dnginx=/usr/sbin/nginx} (the default).
 */
public final class TunnelBench {

    private TunnelBench() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "target/tunnel-vs-nginx.md");
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Duration run = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 5);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        Path nginxBinary = Path.of(System.getProperty("nginx", "/usr/sbin/nginx"));

        try (EmbeddedTomcat backend = EmbeddedTomcat.start(Deployments.upgradeApp("backend",
                Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false")))) {
            int backendPort = backend.server().base().getPort();
            String backendUrl = "http://127.0.0.1:" + backendPort + "/backend/";
            try (EmbeddedTomcat gateway = EmbeddedTomcat.start(ProxyDeployments.gateway("gw", Map.of(
                    "switchboard.proxy.routes", "/t/ -> " + backendUrl,
                    "switchboard.proxy.idleTimeout", "10m", "switchboard.jmx", "false")));
                    Nginx nginx = Nginx.start(nginxBinary, Files.createTempDirectory("switchboard-nginx"), freePort(),
                            "/t/", backendUrl)) {
                Target direct = new Target("backend directly", backendPort, "/backend/x");
                Target tunnel = new Target("Switchboard tunnel", gateway.server().base().getPort(), "/gw/t/x");
                Target proxy = new Target("nginx", nginx.port(), "/t/x");

                StringBuilder md = new StringBuilder();
                md.append("## Tunnel against nginx\n\n");
                md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                        .append(System.getProperty("java.vm.name")).append(' ')
                        .append(System.getProperty("java.version")).append(", ")
                        .append(Nginx.version(nginxBinary)).append(", Tomcat ")
                        .append(org.apache.catalina.util.ServerInfo.getServerNumber()).append(".\n");
                md.append("Load: ").append(connections).append(" echo/1 connections, each sending one message and ")
                        .append("waiting for it to come back; ").append(pairs).append(" interleaved pairs of ")
                        .append(run.toSeconds()).append(" s runs after a warm-up.\n\n");
                for (int size : new int[] {64, 64 * 1024}) {
                    md.append(measure(size, pairs, run, connections, direct, tunnel, proxy));
                }
                Files.createDirectories(output.toAbsolutePath().getParent());
                Files.writeString(output, md.toString());
                System.out.println(md);
            }
        }
    }

    private record Target(String name, int port, String path) {
        EchoLoad.Result run(int size, Duration d, int connections) throws IOException {
            return EchoLoad.run(new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port, path, connections,
                    size, d);
        }
    }

    private static String measure(int size, int pairs, Duration run, int connections, Target direct, Target a,
            Target b) throws IOException {
        Duration warm = Duration.ofSeconds(3);
        direct.run(size, warm, connections);
        a.run(size, warm, connections);
        b.run(size, warm, connections);
        EchoLoad.Result base = direct.run(size, run, connections);
        List<Double> ratios = new ArrayList<>();
        List<Double> aRates = new ArrayList<>();
        List<Double> bRates = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            EchoLoad.Result ra = a.run(size, run, connections);
            EchoLoad.Result rb = b.run(size, run, connections);
            aRates.add(ra.messagesPerSecond());
            bRates.add(rb.messagesPerSecond());
            ratios.add(ra.messagesPerSecond() / rb.messagesPerSecond());
            System.out.printf(Locale.ROOT, "%d B pair %d: tunnel %.0f msg/s, nginx %.0f msg/s%n", size, i + 1,
                    ra.messagesPerSecond(), rb.messagesPerSecond());
        }
        double mbFactor = size / 1e6;
        StringBuilder out = new StringBuilder();
        out.append("### ").append(size).append("-byte messages\n\n");
        out.append("| target | messages/s (median) | MB/s each way (median) |\n|---|---|---|\n");
        out.append(row(direct.name() + " (one run, reference)", base.messagesPerSecond(), base.megabytesPerSecond()));
        out.append(row(a.name(), median(aRates), median(aRates) * mbFactor));
        out.append(row(b.name(), median(bRates), median(bRates) * mbFactor));
        out.append(String.format(Locale.ROOT, "%nTunnel / nginx, per pair: median %.2f, min %.2f, max %.2f.%n%n",
                median(ratios), ratios.stream().mapToDouble(d -> d).min().orElse(0),
                ratios.stream().mapToDouble(d -> d).max().orElse(0)));
        return out.toString();
    }

    private static String row(String name, double msgs, double mb) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f |%n", name, msgs, mb);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
