package dev.switchboard.servlet;

import java.time.Duration;
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
    private final LabelledCounters transports = new LabelledCounters();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final UpgradeListeners listeners;

    ProtocolStatistics(String protocol) {
        this(protocol, new UpgradeListeners());
    }

    ProtocolStatistics(String protocol, UpgradeListeners listeners) {
        this.protocol = protocol;
        this.listeners = listeners;
    }

    /**
     * Counters that belong to no web application: for connections a container switches before
     * any application sees the request (a connector-level upgrade), handed to
     * {@link ContainerUpgrade#handlerFor}. Not registered over JMX.
     */
    public static ProtocolStatistics detached(String protocol) {
        return new ProtocolStatistics(protocol);
    }

    void upgraded() {
        upgrades.increment();
        listeners.fire(l -> l.counted(protocol, UpgradeListener.Outcome.SWITCHED, null));
    }

    /** The switch counted by {@link #upgraded()} took {@code handshake}. */
    void handshakeTook(Duration handshake) {
        listeners.fire(l -> l.switched(protocol, handshake));
    }

    void declined() {
        declines.increment();
        listeners.fire(l -> l.counted(protocol, UpgradeListener.Outcome.DECLINED, null));
    }

    void skipped() {
        skipped.increment();
        listeners.fire(l -> l.counted(protocol, UpgradeListener.Outcome.SKIPPED, null));
    }

    void delegated() {
        delegated.increment();
        listeners.fire(l -> l.counted(protocol, UpgradeListener.Outcome.DELEGATED, null));
    }

    void refused(String label) {
        refusals.increment(label);
        listeners.fire(l -> l.counted(protocol, UpgradeListener.Outcome.REFUSED, label));
    }

    /** For handlers: a connection of this protocol opened. */
    public void connectionOpened() {
        active.incrementAndGet();
    }

    /**
     * For the connection engine: a connection of this protocol started on the transport named
     * {@code transport} (see {@link UpgradedConnection#transport()}).
     */
    public void carriedBy(String transport) {
        transports.increment(transport);
    }

    /** For handlers: a connection of this protocol closed. */
    public void connectionClosed() {
        active.decrementAndGet();
    }

    /** For handlers: a connection of this protocol closed after {@code lifetime} (from its opening). */
    public void connectionClosed(Duration lifetime) {
        connectionClosed();
        listeners.fire(l -> l.connectionClosed(protocol, lifetime));
    }

    /**
     * For handlers of protocols with close codes (WebSocket, RFC 6455 section 7.4): a
     * connection closed with {@code code}. Counted by listeners only.
     */
    public void closedWith(int code) {
        listeners.fire(l -> l.closedWith(protocol, code));
    }

    /**
     * For sessions the container runs after the switch (WebSocket): one closed with
     * {@code code} after {@code lifetime}. Heard by listeners only; such sessions are not
     * counted as {@linkplain #getActiveConnections() active connections}.
     */
    public void sessionEnded(Duration lifetime, int code) {
        listeners.fire(l -> l.connectionClosed(protocol, lifetime));
        closedWith(code);
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
    public Map<String, Long> getConnectionsByTransport() {
        return transports.snapshot();
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
        out.put("connectionsByTransport", getConnectionsByTransport());
        out.put("bytesReceived", getBytesReceived());
        out.put("bytesSent", getBytesSent());
        return out;
    }
}
