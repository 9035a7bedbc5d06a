package dev.switchboard.bench.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.switchboard.bench.scenario.ChildJvm;

/**
 * The soak: thousands of upgraded connections ({@code echo/1}, WebSocket and tunnel, a third
 * each) opened, used and churned against one server JVM ({@link SoakServer}) for a fixed time,
 * by one client thread ({@link SoakLoad}). The server's heap after full collections, open
 * descriptors and threads are read after a warm-up (the baseline), every
 * {@code --sample-every} while the load runs (the peak is the largest of each), and after every
 * connection has been closed, until they are back at the baseline or two minutes have passed
 * (the end). Prints the figures as Markdown, and writes the largest classes on the heap at the end to the
 * server's log; exits 1 if there was any error.
 *
 * <pre>
 * upgrade-bench/soak.sh --duration 10m --connections 10000
 * </pre>
 * Options: {@link SoakOptions}.
 */
public final class Soak {

    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(2);

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options = SoakOptions.parse(args);
        Path logs = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "soak");
        Path log = logs.resolve("server.log");
        System.out.println("soak: server log " + log);
        ChildJvm server = ChildJvm.start(System.getProperty("java.class.path"),
                List.of("-Xmx" + options.heap(), "-XX:+ExitOnOutOfMemoryError"), SoakServer.class.getName(), List.of(),
                log);
        int errors;
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(server.expect("port ")));
            warmUp(address);
            ServerStats baseline = stats(server);
            System.out.println("soak: baseline " + baseline);

            SoakCounters counters = new SoakCounters();
            SoakLoad load = new SoakLoad(address, options.load(), counters);
            Thread client = new Thread(load, "soak-client");
            Instant started = Instant.now();
            client.start();
            ServerStats peak = baseline;
            long end = System.nanoTime() + options.duration().toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(options.sampleEvery().toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                ServerStats now = stats(server);
                peak = peak.max(now);
                System.out.printf(Locale.ROOT, "soak: %4ds %,d open (peak %,d), %,d switched, %,d echoes, %d errors; %s%n",
                        Duration.between(started, Instant.now()).toSeconds(), counters.open(), counters.peakOpen(),
                        counters.switchedTotal(), counters.messages(), counters.errors(), now);
            }
            load.stop();
            client.join(SETTLE_WITHIN.toMillis());
            Duration ran = Duration.between(started, Instant.now());
            Instant closed = Instant.now();
            ServerStats last = stats(server);
            while ((last.fileDescriptors() > baseline.fileDescriptors() || last.threads() > baseline.threads())
                    && Duration.between(closed, Instant.now()).compareTo(SETTLE_WITHIN) < 0) {
                Thread.sleep(5000);
                last = stats(server);
            }
            Duration settled = Duration.between(closed, Instant.now());
            server.ask("histogram", "histogram");
            errors = (int) Math.min(Integer.MAX_VALUE, counters.errors()) + (client.isAlive() ? 1 : 0);
            long severe = Files.readAllLines(log).stream().filter(l -> l.contains("SEVERE") || l.contains("Exception"))
                    .count();
            System.out.println(SoakReport.markdown(options, counters, baseline, peak, last, ran, settled, severe,
                    client.isAlive()));
        } finally {
            server.close();
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    /** A few hundred connections of each kind opened, used and closed, so that the baseline is that of a warm server. */
    private static void warmUp(InetSocketAddress address) throws Exception {
        SoakCounters counters = new SoakCounters();
        SoakLoad load = new SoakLoad(address, new SoakLoad.Settings(300, 32, 1_000_000_000L, 3_000_000_000L,
                500_000_000L, 60_000_000_000L, 0, java.util.EnumSet.allOf(SoakKind.class)), counters);
        Thread t = new Thread(load, "soak-warm-up");
        t.start();
        Thread.sleep(15_000);
        load.stop();
        t.join(60_000);
        if (counters.errors() > 0) {
            throw new IOException("the warm-up failed: " + counters.firstErrors());
        }
        System.out.printf(Locale.ROOT, "soak: warm-up %,d switched, %,d echoes%n", counters.switchedTotal(),
                counters.messages());
        Thread.sleep(5000);
    }

    private static ServerStats stats(ChildJvm server) throws IOException {
        return ServerStats.parse(server.ask("stats", "stats "));
    }
}
