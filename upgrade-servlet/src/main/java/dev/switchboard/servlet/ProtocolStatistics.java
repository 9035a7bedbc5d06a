package dev.switchboard.servlet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one protocol; see {@link ProtocolStatisticsMXBean}. Thread-safe. */
public final class ProtocolStatistics implements ProtocolStatisticsMXBean {

    private final String protocol;
    private final LongAdder upgrades = new LongAdder();
    private final LongAdder declines = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder delegated = new LongAdder();
    private final LabelledCounters refusals = new LabelledCounters();
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();

    ProtocolStatistics(String protocol) {
        this.protocol = protocol;
    }

    void upgraded() {
        upgrades.increment();
    }

    void declined() {
        declines.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void delegated() {
        delegated.increment();
    }

    void refused(String label) {
        refusals.increment(label);
    }

    /** For handlers: a connection of this protocol opened. */
    public void connectionOpened() {
        active.incrementAndGet();
    }

    /** For handlers: a connection of this protocol closed. */
    public void connectionClosed() {
        active.decrementAndGet();
    }

    /** For handlers: bytes read from the peer. */
    public void received(long bytes) {
        bytesReceived.add(bytes);
    }

    /** For handlers: bytes written to the peer. */
    public void sent(long bytes) {
        bytesSent.add(bytes);
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public long getUpgrades() {
        return upgrades.sum();
    }

    @Override
    public long getDeclines() {
        return declines.sum();
    }

    @Override
    public long getSkipped() {
        return skipped.sum();
    }

    @Override
    public long getDelegated() {
        return delegated.sum();
    }

    @Override
    public long getRefusals() {
        return refusals.total();
    }

    @Override
    public Map<String, Long> getRefusalsByReason() {
        return refusals.snapshot();
    }

    @Override
    public int getActiveConnections() {
        return active.get();
    }

    @Override
    public long getBytesReceived() {
        return bytesReceived.sum();
    }

    @Override
    public long getBytesSent() {
        return bytesSent.sum();
    }

    /** The counters as a map of plain values, for JSON endpoints. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protocol", protocol);
        out.put("upgrades", getUpgrades());
        out.put("declines", getDeclines());
        out.put("skipped", getSkipped());
        out.put("delegated", getDelegated());
        out.put("refusals", getRefusals());
        out.put("refusalsByReason", getRefusalsByReason());
        out.put("activeConnections", getActiveConnections());
        out.put("bytesReceived", getBytesReceived());
        out.put("bytesSent", getBytesSent());
        return out;
    }
}
