package dev.switchboard.bench.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the soak's client has seen, read by another thread while it runs: connections switched
 * and closed cleanly per kind, messages echoed, bytes sent and received back, and every error
 * (the first few with their reason). Thread-safe.
 */
final class SoakCounters {

    private static final int KEPT_ERRORS = 20;

    private final Map<SoakKind, AtomicLong> switched = new EnumMap<>(SoakKind.class);
    private final Map<SoakKind, AtomicLong> closed = new EnumMap<>(SoakKind.class);
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesEchoed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong peakOpen = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();

    SoakCounters() {
        for (SoakKind k : SoakKind.values()) {
            switched.put(k, new AtomicLong());
            closed.put(k, new AtomicLong());
        }
    }

    void switched(SoakKind kind) {
        switched.get(kind).incrementAndGet();
        peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    }

    /** A switched connection ended, cleanly or not. */
    void ended(SoakKind kind, boolean clean) {
        open.decrementAndGet();
        if (clean) {
            closed.get(kind).incrementAndGet();
        }
    }

    void sent(int bytes) {
        bytesSent.addAndGet(bytes);
    }

    void echoed(int bytes) {
        messages.incrementAndGet();
        bytesEchoed.addAndGet(bytes);
    }

    void error(String reason) {
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add(reason);
            }
        }
    }

    long switchedCount(SoakKind kind) {
        return switched.get(kind).get();
    }

    long switchedTotal() {
        return switched.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long closedCleanly(SoakKind kind) {
        return closed.get(kind).get();
    }

    long messages() {
        return messages.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    long bytesEchoed() {
        return bytesEchoed.get();
    }

    long errors() {
        return errors.get();
    }

    long open() {
        return open.get();
    }

    long peakOpen() {
        return peakOpen.get();
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }
}
