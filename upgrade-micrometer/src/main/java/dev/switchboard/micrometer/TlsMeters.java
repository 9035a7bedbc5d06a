package dev.switchboard.micrometer;

import dev.switchboard.tls.TlsUpgradeProtocol;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.servlet.ServletContext;

/**
 * The RFC 2817 protocol's counters ({@link TlsUpgradeProtocol#counters()}), read from the
 * context attribute where its provider keeps it, whenever the registry asks: zero while the
 * application has no such protocol. Loaded only when upgrade-tls-filter is there.
 */
final class TlsMeters {

    private TlsMeters() {
    }

    static void bind(MeterRegistry registry, Tags tags, ServletContext context) {
        handshakes(registry, tags, context, "completed", "handshakes");
        handshakes(registry, tags, context, "failed", "handshakeFailures");
        handshakes(registry, tags, context, "timed-out", "handshakeTimeouts");
        FunctionCounter.builder("switchboard.tls.refusals", context, c -> read(c, "bridgeRefusals"))
                .description("Requests refused on connections upgraded to TLS (outside the application, too large)")
                .tags(tags).register(registry);
        Gauge.builder("switchboard.tls.connections.active", context, c -> read(c, "openConnections"))
                .description("Connections upgraded to TLS open now")
                .tags(tags).register(registry);
    }

    private static void handshakes(MeterRegistry registry, Tags tags, ServletContext context, String outcome,
            String counter) {
        FunctionCounter.builder("switchboard.tls.handshakes", context, c -> read(c, counter))
                .description("TLS handshakes after an RFC 2817 upgrade, by outcome")
                .tags(tags).tag("outcome", outcome).register(registry);
    }

    private static double read(ServletContext context, String counter) {
        return context.getAttribute(TlsUpgradeProtocol.ATTRIBUTE) instanceof TlsUpgradeProtocol protocol
                ? protocol.counters().getOrDefault(counter, 0L) : 0;
    }
}
