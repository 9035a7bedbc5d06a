package dev.switchboard.servlet.internal.engine;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.UpgradeSession;

/**
 * What the switch gives the engine of one connection.
 *
 * @param factory builds the protocol's session
 * @param statistics the counters of the protocol
 * @param limits the limits the engine enforces
 * @param content the request content, read whole before the switch (empty when none)
 * @param scheduler runs the connection's timeouts and scheduled tasks
 * @param clock the time of the timeouts, in nanoseconds as {@link System#nanoTime()}
 */
public record SessionSetup(UpgradeSession.Factory factory, ProtocolStatistics statistics, HandlerOptions limits,
        byte[] content, ScheduledExecutorService scheduler, LongSupplier clock) {

    /** A setup whose timeouts run on {@link System#nanoTime()}. */
    public SessionSetup(UpgradeSession.Factory factory, ProtocolStatistics statistics, HandlerOptions limits,
            byte[] content, ScheduledExecutorService scheduler) {
        this(factory, statistics, limits, content, scheduler, System::nanoTime);
    }

    public SessionSetup {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
    }
}
