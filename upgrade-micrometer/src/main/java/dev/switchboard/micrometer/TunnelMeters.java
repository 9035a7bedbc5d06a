package dev.switchboard.micrometer;

import java.util.function.ToDoubleFunction;

import dev.switchboard.proxy.TunnelFilter;
import dev.switchboard.proxy.TunnelStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.servlet.ServletContext;

/**
 * The tunnel's counters ({@link TunnelStatistics}), read from the context attribute where
 * {@link TunnelFilter} keeps them, whenever the registry asks: zero until the filter has
 * started (or where the application has no tunnel). Loaded only when upgrade-proxy is there.
 */
final class TunnelMeters {

    private TunnelMeters() {
    }

    static void bind(MeterRegistry registry, Tags tags, ServletContext context) {
        counter(registry, tags, context, "switchboard.tunnel.requests", "Requests the tunnel handled",
                TunnelStatistics::getRequests);
        counter(registry, tags, context, "switchboard.tunnel.opened", "Tunnels opened (the backend switched)",
                TunnelStatistics::getTunnelsOpened);
        counter(registry, tags, context, "switchboard.tunnel.relayed",
                "Backend responses relayed without a switch", TunnelStatistics::getResponsesRelayed);
        counter(registry, tags, context, "switchboard.tunnel.refusals", "Requests the tunnel refused",
                TunnelStatistics::getRefusals);
        FunctionCounter.builder("switchboard.tunnel.bytes", context, c -> read(c, TunnelStatistics::getBytesToBackend))
                .description("Bytes relayed through tunnels").baseUnit("bytes")
                .tags(tags).tag("direction", "to-backend").register(registry);
        FunctionCounter.builder("switchboard.tunnel.bytes", context, c -> read(c, TunnelStatistics::getBytesFromBackend))
                .description("Bytes relayed through tunnels").baseUnit("bytes")
                .tags(tags).tag("direction", "from-backend").register(registry);
        Gauge.builder("switchboard.tunnel.active", context, c -> read(c, TunnelStatistics::getTunnelsOpen))
                .description("Tunnels open now").tags(tags).register(registry);
    }

    private static void counter(MeterRegistry registry, Tags tags, ServletContext context, String name,
            String description, ToDoubleFunction<TunnelStatistics> value) {
        FunctionCounter.builder(name, context, c -> read(c, value))
                .description(description).tags(tags).register(registry);
    }

    private static double read(ServletContext context, ToDoubleFunction<TunnelStatistics> value) {
        return context.getAttribute(TunnelFilter.STATISTICS_ATTRIBUTE) instanceof TunnelStatistics statistics
                ? value.applyAsDouble(statistics) : 0;
    }
}
