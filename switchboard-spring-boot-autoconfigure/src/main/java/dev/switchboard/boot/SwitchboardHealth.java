package dev.switchboard.boot;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.ServletContext;

/**
 * What the health contributors report: Switchboard is up while the application serves, with
 * its upgrade counters (the same numbers as JMX) as details; out of service once the graceful
 * shutdown has closed its connections. Shared by the Boot 4 and Boot 3 health indicators, whose
 * types live in different packages.
 */
final class SwitchboardHealth {

    /** How Switchboard is. */
    enum State { UP, OUT_OF_SERVICE, UNKNOWN }

    private final SwitchboardShutdown.ServletContextSupplier context;
    private final SwitchboardShutdown shutdown;

    SwitchboardHealth(SwitchboardShutdown.ServletContextSupplier context, SwitchboardShutdown shutdown) {
        this.context = context;
        this.shutdown = shutdown;
    }

    State state() {
        if (context.get() == null) {
            return State.UNKNOWN;
        }
        return shutdown.isRunning() ? State.UP : State.OUT_OF_SERVICE;
    }

    Map<String, Object> details() {
        ServletContext servletContext = context.get();
        Map<String, Object> details = new LinkedHashMap<>();
        if (servletContext != null) {
            details.putAll(UpgradeRegistry.of(servletContext).statistics().toMap());
        }
        return details;
    }
}
