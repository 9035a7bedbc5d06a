package dev.switchboard.bench.soak;

import java.time.Duration;
import java.util.Locale;

/** The soak's figures as Markdown: what ran, what the client saw, and the server at baseline, peak and end. */
final class SoakReport {

    private SoakReport() {
    }

    static String markdown(SoakOptions options, SoakCounters c, ServerStats baseline, ServerStats peak, ServerStats end,
            Duration ran, Duration settled, long severeLogLines, boolean clientHung) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Options: `%s`. Load ran %d s, then every connection was closed.

                | | echo/1 | WebSocket | tunnel | all |
                |---|---:|---:|---:|---:|
                """, options.commandLine(), ran.toSeconds()));
        md.append(row("connections switched", c, true));
        md.append(row("closed cleanly", c, false));
        md.append(String.format(Locale.ROOT, """

                Peak open at once: %,d. Messages echoed and checked: %,d (%,d bytes sent, %,d bytes echoed back). \
                Errors: **%d**%s. Server log lines with `SEVERE` or `Exception`: %d.

                | server JVM | heap used after GC | open file descriptors | threads |
                |---|---:|---:|---:|
                | baseline (after warm-up) | %.1f MiB | %,d | %d |
                | peak (largest reading under load) | %.1f MiB | %,d | %d |
                | end (%d s after the last close) | %.1f MiB | %,d | %d |
                """, c.peakOpen(), c.messages(), c.bytesSent(), c.bytesEchoed(), c.errors(),
                clientHung ? " (and the client did not finish closing)" : "", severeLogLines,
                baseline.heapMiB(), baseline.fileDescriptors(), baseline.threads(),
                peak.heapMiB(), peak.fileDescriptors(), peak.threads(),
                settled.toSeconds(), end.heapMiB(), end.fileDescriptors(), end.threads()));
        if (!c.firstErrors().isEmpty()) {
            md.append("\nFirst errors:\n\n");
            c.firstErrors().forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    private static String row(String label, SoakCounters c, boolean switched) {
        StringBuilder r = new StringBuilder("| ").append(label);
        long all = 0;
        for (SoakKind k : SoakKind.values()) {
            long n = switched ? c.switchedCount(k) : c.closedCleanly(k);
            all += n;
            r.append(String.format(Locale.ROOT, " | %,d", n));
        }
        return r.append(String.format(Locale.ROOT, " | %,d |%n", all)).toString();
    }
}
