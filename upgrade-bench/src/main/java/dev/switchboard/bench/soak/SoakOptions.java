package dev.switchboard.bench.soak;

import java.time.Duration;
import java.util.Locale;

/**
 * The soak's command line, every option optional, durations as {@code <n>ms}, {@code <n>s},
 * {@code <n>m} or {@code <n>h}:
 * <ul>
 *   <li>{@code --duration 10m}: how long the load runs, ramp-up included;</li>
 *   <li>{@code --connections 10000}: upgraded connections kept open, shared evenly among the kinds;</li>
 *   <li>{@code --kinds echo,websocket,tunnel}: which kinds of connection;</li>
 *   <li>{@code --interval 20s}: mean time between a connection's messages (each waits for its echo);</li>
 *   <li>{@code --min-lifetime 120s --max-lifetime 300s}: a connection closes after a uniform random time between
 *       these, and a new one of its kind takes its place;</li>
 *   <li>{@code --in-flight 128}: handshakes in progress at most;</li>
 *   <li>{@code --max-wait 60s}: longest wait for a 101, an echo or a close reply before it counts as an error;</li>
 *   <li>{@code --heap 2g}: the server JVM's {@code -Xmx};</li>
 *   <li>{@code --seed 1}: the client's random choices;</li>
 *   <li>{@code --sample-every 30s}: how often the server's heap, descriptors and threads are read.</li>
 * </ul>
 */
record SoakOptions(Duration duration, int connections, Duration interval, Duration minLifetime, Duration maxLifetime,
        int inFlight, Duration maxWait, String heap, long seed, Duration sampleEvery, java.util.Set<SoakKind> kinds) {

    static SoakOptions parse(String[] args) {
        Duration duration = Duration.ofMinutes(10);
        int connections = 10_000;
        Duration interval = Duration.ofSeconds(20);
        Duration minLifetime = Duration.ofSeconds(120);
        Duration maxLifetime = Duration.ofSeconds(300);
        int inFlight = 128;
        Duration maxWait = Duration.ofSeconds(60);
        String heap = "2g";
        long seed = 1;
        Duration sampleEvery = Duration.ofSeconds(30);
        java.util.Set<SoakKind> kinds = java.util.EnumSet.allOf(SoakKind.class);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("no value after " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = duration(v);
                case "--connections" -> connections = Integer.parseInt(v);
                case "--interval" -> interval = duration(v);
                case "--min-lifetime" -> minLifetime = duration(v);
                case "--max-lifetime" -> maxLifetime = duration(v);
                case "--in-flight" -> inFlight = Integer.parseInt(v);
                case "--max-wait" -> maxWait = duration(v);
                case "--heap" -> heap = v;
                case "--seed" -> seed = Long.parseLong(v);
                case "--sample-every" -> sampleEvery = duration(v);
                case "--kinds" -> kinds = kinds(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class's Javadoc");
            }
        }
        if (maxLifetime.compareTo(minLifetime) < 0) {
            throw new IllegalArgumentException("--max-lifetime is shorter than --min-lifetime");
        }
        return new SoakOptions(duration, connections, interval, minLifetime, maxLifetime, inFlight, maxWait, heap, seed,
                sampleEvery, kinds);
    }

    /** {@code echo,websocket,tunnel} or any of them. */
    static java.util.Set<SoakKind> kinds(String text) {
        java.util.Set<SoakKind> kinds = java.util.EnumSet.noneOf(SoakKind.class);
        for (String k : text.split(",")) {
            kinds.add(SoakKind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
        }
        return kinds;
    }

    /** {@code 250ms}, {@code 30s}, {@code 10m}, {@code 1h}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    SoakLoad.Settings load() {
        return new SoakLoad.Settings(connections, inFlight, minLifetime.toNanos(), maxLifetime.toNanos(),
                interval.toNanos(), maxWait.toNanos(), seed, kinds);
    }

    /** The options as they would be written to rerun. */
    String commandLine() {
        return "--duration " + text(duration) + " --connections " + connections + " --interval " + text(interval)
                + " --min-lifetime " + text(minLifetime) + " --max-lifetime " + text(maxLifetime) + " --in-flight "
                + inFlight + " --max-wait " + text(maxWait) + " --heap " + heap + " --seed " + seed + " --kinds "
                + kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(","));
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 != 0 ? d.toMillis() + "ms" : d.toSeconds() + "s";
    }
}
