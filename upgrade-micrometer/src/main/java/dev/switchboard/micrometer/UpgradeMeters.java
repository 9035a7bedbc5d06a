package dev.switchboard.micrometer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.UpgradeListener;
import dev.switchboard.servlet.UpgradeStatistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of an application's {@link UpgradeStatistics} in one registry: counters read
 * from the statistics, and what only a listener hears (durations, close codes).
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code switchboard.upgrade.requests}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code switchboard.upgrades}</td><td>counter</td><td>protocol, outcome, reason</td></tr>
 *   <tr><td>{@code switchboard.upgrade.duration}</td><td>timer</td><td>protocol</td></tr>
 *   <tr><td>{@code switchboard.connections.active}</td><td>gauge</td><td>protocol</td></tr>
 *   <tr><td>{@code switchboard.connection.duration}</td><td>timer</td><td>protocol</td></tr>
 *   <tr><td>{@code switchboard.bytes.received}, {@code switchboard.bytes.sent}</td><td>counter</td><td>protocol</td></tr>
 *   <tr><td>{@code switchboard.closes}</td><td>counter</td><td>protocol, code</td></tr>
 * </table>
 */
final class UpgradeMeters implements UpgradeListener {

    /** The {@code protocol} and {@code reason} tag of outcomes that have none. */
    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Tags tags;
    private final UpgradeStatistics statistics;

    UpgradeMeters(MeterRegistry registry, Tags tags, UpgradeStatistics statistics) {
        this.registry = registry;
        this.tags = tags;
        this.statistics = statistics;
    }

    /** Registers the meters, follows the statistics from now on, and counts what they counted so far. */
    void bind() {
        FunctionCounter.builder("switchboard.upgrade.requests", statistics, UpgradeStatistics::getUpgradeRequests)
                .description("Requests that carried an Upgrade field")
                .tags(tags)
                .register(registry);
        statistics.addListener(this);
        statistics.getIgnoredByReason().forEach((reason, n) -> outcomes(null, Outcome.IGNORED, reason).increment(n));
        statistics.getRejectedByReason().forEach((reason, n) -> outcomes(null, Outcome.REJECTED, reason).increment(n));
        outcomes(null, Outcome.UNMATCHED, null).increment(statistics.getUnmatched());
        for (ProtocolStatistics protocol : statistics.protocols()) {
            protocolAdded(protocol);
            String name = protocol.getProtocol();
            outcomes(name, Outcome.SWITCHED, null).increment(protocol.getUpgrades());
            outcomes(name, Outcome.DECLINED, null).increment(protocol.getDeclines());
            outcomes(name, Outcome.SKIPPED, null).increment(protocol.getSkipped());
            outcomes(name, Outcome.DELEGATED, null).increment(protocol.getDelegated());
            for (Map.Entry<String, Long> refusal : protocol.getRefusalsByReason().entrySet()) {
                outcomes(name, Outcome.REFUSED, refusal.getKey()).increment(refusal.getValue());
            }
        }
    }

    void unbind() {
        statistics.removeListener(this);
    }

    @Override
    public void counted(String protocol, Outcome outcome, String reason) {
        outcomes(protocol, outcome, reason).increment();
    }

    @Override
    public void switched(String protocol, Duration handshake) {
        Timer.builder("switchboard.upgrade.duration")
                .description("Time from the filter receiving an upgrade request to the 101 handed to the container")
                .tags(tags).tag("protocol", protocol)
                .register(registry)
                .record(handshake);
    }

    @Override
    public void protocolAdded(ProtocolStatistics protocol) {
        Tags protocolTags = tags.and("protocol", protocol.getProtocol());
        Gauge.builder("switchboard.connections.active", protocol, ProtocolStatistics::getActiveConnections)
                .description("Upgraded connections open now")
                .tags(protocolTags)
                .register(registry);
        FunctionCounter.builder("switchboard.bytes.received", protocol, ProtocolStatistics::getBytesReceived)
                .description("Bytes read from upgraded connections after the switch")
                .baseUnit("bytes")
                .tags(protocolTags)
                .register(registry);
        FunctionCounter.builder("switchboard.bytes.sent", protocol, ProtocolStatistics::getBytesSent)
                .description("Bytes written to upgraded connections after the switch")
                .baseUnit("bytes")
                .tags(protocolTags)
                .register(registry);
    }

    @Override
    public void connectionClosed(String protocol, Duration lifetime) {
        Timer.builder("switchboard.connection.duration")
                .description("Lifetime of upgraded connections, from the switch to the close")
                .tags(tags).tag("protocol", protocol)
                .register(registry)
                .record(lifetime);
    }

    @Override
    public void closedWith(String protocol, int code) {
        registry.counter("switchboard.closes", tags.and("protocol", protocol, "code", CloseCodes.tag(code))).increment();
    }

    private Counter outcomes(String protocol, Outcome outcome, String reason) {
        return Counter.builder("switchboard.upgrades")
                .description("Upgrade requests by outcome: per request (protocol none) or per protocol asked")
                .tags(tags)
                .tag("protocol", protocol == null ? NONE : protocol)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("reason", reason == null ? NONE : reason)
                .register(registry);
    }
}
