package dev.switchboard.bench.soak;

import java.util.Locale;

/** One reading of the soak server's JVM: heap used after full collections, its maximum, open descriptors, threads. */
record ServerStats(long heapAfterGc, long heapMax, long fileDescriptors, int threads) {

    /** Parses what {@code SoakServer} prints after {@code stats}. */
    static ServerStats parse(String line) {
        String[] w = line.trim().split(" ");
        return new ServerStats(Long.parseLong(w[0]), Long.parseLong(w[1]), Long.parseLong(w[2]), Integer.parseInt(w[3]));
    }

    double heapMiB() {
        return heapAfterGc / 1048576.0;
    }

    /** The larger of each figure. */
    ServerStats max(ServerStats o) {
        return new ServerStats(Math.max(heapAfterGc, o.heapAfterGc), heapMax, Math.max(fileDescriptors, o.fileDescriptors),
                Math.max(threads, o.threads));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "heap %.1f MiB, %d fds, %d threads", heapMiB(), fileDescriptors, threads);
    }
}
