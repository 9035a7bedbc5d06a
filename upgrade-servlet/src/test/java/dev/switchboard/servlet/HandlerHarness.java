package dev.switchboard.servlet;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import dev.switchboard.servlet.internal.FakeConnection;

/**
 * Starts a {@link NonBlockingUpgradeHandler} on a {@link FakeConnection} the way the
 * container and {@link UpgradeFilter} do, without either: for unit tests of the engine.
 */
final class HandlerHarness {

    /** Small limits so that back-pressure shows with a few KiB: 256-byte reads, 1 KiB queued, no timeouts. */
    static final HandlerOptions SMALL = new HandlerOptions(Duration.ZERO, Duration.ZERO, 256, 1024);

    private HandlerHarness() {
    }

    /** Starts {@code handler} on {@code connection} with {@code options}; timers on {@code scheduler}. */
    static <H extends NonBlockingUpgradeHandler> H start(H handler, FakeConnection connection, HandlerOptions options,
            ScheduledExecutorService scheduler) {
        handler.init(connection);
        handler.startSwitched(new ProtocolStatistics("test"), options, scheduler);
        return handler;
    }
}
