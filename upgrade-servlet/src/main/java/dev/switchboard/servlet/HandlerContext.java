package dev.switchboard.servlet;

import java.util.concurrent.ScheduledExecutorService;

/**
 * What {@link UpgradeFilter} gives a {@link NonBlockingUpgradeHandler} at the switch.
 *
 * @param statistics the counters of the handler's protocol
 * @param options the limits the handler enforces
 * @param content the request content, read whole before the switch (empty when none)
 * @param scheduler runs the handler's timeouts
 */
record HandlerContext(ProtocolStatistics statistics, HandlerOptions options, byte[] content,
        ScheduledExecutorService scheduler) {
}
