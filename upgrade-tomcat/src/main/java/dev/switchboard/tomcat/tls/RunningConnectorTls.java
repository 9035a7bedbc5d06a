package dev.switchboard.tomcat.tls;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;

import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.tls.internal.bridge.Rfc2817Endpoint;

/**
 * What every RFC 2817 connection of one connector shares while the connector runs: the
 * endpoint (keys, TLS parameters, the links' selector thread, limits and counters), the
 * registry of links and the address of the internal connector they lead to, the timer
 * thread and the counters of the upgrades. Immutable; its parts are thread-safe.
 */
record RunningConnectorTls(Rfc2817Endpoint endpoint, Bridges bridges, InetSocketAddress internalAddress,
        ScheduledExecutorService scheduler, ProtocolStatistics statistics) {
}
