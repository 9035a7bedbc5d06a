package dev.switchboard.micrometer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.servlet.UpgradeRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.ServletContext;

/**
 * Switchboard's statistics of one web application as Micrometer meters, all named under
 * {@code switchboard.} and tagged with {@code context} (the context path, {@code /} for the
 * root):
 *
 * <ul>
 *   <li>the upgrade filter's and each protocol's counters ({@link UpgradeMeters}): outcomes
 *       of upgrade requests with their protocol and reason, the time each switch took, active
 *       connections and their lifetimes, bytes, close codes;</li>
 *   <li>the tunnel's ({@code upgrade-proxy}), when the application has it;</li>
 *   <li>the RFC 2817 handshakes ({@code upgrade-tls-filter}), when the application has it.</li>
 * </ul>
 *
 * <pre>
 * new SwitchboardMetrics(servletContext).bindTo(meterRegistry);
 * </pre>
 *
 * <p>Bind it once the context exists (from a {@code ServletContextListener}, or a Spring
 * Boot {@code ServletContextInitializer}); counts made before then are included. Tags are
 * few and bounded: protocol names are the application's, reasons are Switchboard's own
 * labels (capped at 32 per counter), close codes are grouped (see {@link CloseCodes}).
 * Nothing here is read from a request. {@link #close()} stops following the statistics, for
 * an application that stops while its registry lives on. Thread-safe.
 */
public final class SwitchboardMetrics implements MeterBinder, AutoCloseable {

    private final ServletContext context;
    private final Tags tags;
    private final List<UpgradeMeters> bound = new CopyOnWriteArrayList<>();

    /** Meters of {@code context}'s statistics, tagged with its context path. */
    public SwitchboardMetrics(ServletContext context) {
        this(context, Tags.empty());
    }

    /** Meters of {@code context}'s statistics, tagged with its context path and {@code tags}. */
    public SwitchboardMetrics(ServletContext context, Iterable<Tag> tags) {
        this.context = Objects.requireNonNull(context, "context");
        String path = context.getContextPath();
        this.tags = Tags.of(tags).and("context", path == null || path.isEmpty() ? "/" : path);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        UpgradeMeters upgrades = new UpgradeMeters(registry, tags, UpgradeRegistry.of(context).statistics());
        upgrades.bind();
        bound.add(upgrades);
        if (present("dev.switchboard.proxy.TunnelStatistics")) {
            TunnelMeters.bind(registry, tags, context);
        }
        if (present("dev.switchboard.tls.TlsUpgradeProtocol")) {
            TlsMeters.bind(registry, tags, context);
        }
    }

    /** Stops following the statistics: meters keep their last values. */
    @Override
    public void close() {
        bound.forEach(UpgradeMeters::unbind);
        bound.clear();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SwitchboardMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
