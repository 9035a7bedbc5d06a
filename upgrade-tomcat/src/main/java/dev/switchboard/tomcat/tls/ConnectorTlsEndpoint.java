package dev.switchboard.tomcat.tls;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.tls.internal.bridge.LoopbackReactor;
import dev.switchboard.tls.internal.engine.KeyMaterial;

/**
 * What every connector-level RFC 2817 connection of one connector shares while the connector
 * runs: keys and TLS parameters, the selector thread of the links, the registry of links and
 * the address of the internal connector they lead to, the timer thread, limits and counters.
 * Thread-safe.
 */
final class ConnectorTlsEndpoint {

    private static final String ALPN_HTTP_1_1 = "http/1.1";
    private static final String ALPN_H2 = "h2";

    private final KeyMaterial keys;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final Duration handshakeTimeout;
    private final int maxConnections;
    private final HandlerOptions handlerOptions;
    private final LoopbackReactor reactor;
    private final Bridges bridges;
    private final InetSocketAddress internalAddress;
    private final ScheduledExecutorService scheduler;
    private final ProtocolStatistics statistics = ProtocolStatistics.detached("TLS/1.x");
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder handshakes = new LongAdder();
    private final LongAdder handshakeFailures = new LongAdder();
    private final LongAdder handshakeTimeouts = new LongAdder();

    ConnectorTlsEndpoint(KeyMaterial keys, String[] protocols, List<String> cipherSuites, Duration handshakeTimeout,
            int maxConnections, HandlerOptions handlerOptions, LoopbackReactor reactor, Bridges bridges,
            InetSocketAddress internalAddress, ScheduledExecutorService scheduler) {
        this.keys = keys;
        this.protocols = protocols.clone();
        this.cipherSuites = cipherSuites.toArray(new String[0]);
        this.handshakeTimeout = handshakeTimeout;
        this.maxConnections = maxConnections;
        this.handlerOptions = handlerOptions;
        this.reactor = reactor;
        this.bridges = bridges;
        this.internalAddress = internalAddress;
        this.scheduler = scheduler;
    }

    /**
     * A server engine for one connection: created for {@code host} (the key is chosen by it;
     * null names none), only the enabled versions, the configured suites in the server's order,
     * no client authentication, ALPN answered with {@code http/1.1} when offered.
     *
     * <p>A ClientHello that offers {@code h2} is refused ({@code no_application_protocol}):
     * RFC 2817 clients (CUPS, Apache HttpClient) offer no ALPN, while a browser's handshake
     * meant for the https port does. A man in the middle who takes the 101 and splices such a
     * handshake in (the Opossum attack, CVE-2025-49812) would otherwise have the victim read
     * the {@code OPTIONS} response as the answer to its own first request.
     */
    SSLEngine newEngine(String host, int port) {
        SSLEngine engine = host == null ? keys.context().createSSLEngine() : keys.context().createSSLEngine(host, port);
        engine.setUseClientMode(false);
        SSLParameters params = engine.getSSLParameters();
        params.setProtocols(protocols);
        if (cipherSuites.length > 0) {
            params.setCipherSuites(cipherSuites);
        }
        params.setUseCipherSuitesOrder(true);
        params.setNeedClientAuth(false);
        params.setWantClientAuth(false);
        engine.setSSLParameters(params);
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
            if (offered.isEmpty()) {
                return "";
            }
            if (offered.contains(ALPN_H2)) {
                return null;
            }
            return offered.contains(ALPN_HTTP_1_1) ? ALPN_HTTP_1_1 : null;
        });
        return engine;
    }

    boolean allowed(String negotiated) {
        return Set.of(protocols).contains(negotiated);
    }

    /** Takes a connection slot; false when {@code maxConnections} are open. */
    boolean tryOpen() {
        while (true) {
            int n = open.get();
            if (n >= maxConnections) {
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void closed() {
        open.decrementAndGet();
    }

    /** Whether a new connection would find a slot (checked before the 101). */
    boolean hasRoom() {
        return open.get() < maxConnections;
    }

    Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    LoopbackReactor reactor() {
        return reactor;
    }

    Bridges bridges() {
        return bridges;
    }

    InetSocketAddress internalAddress() {
        return internalAddress;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ProtocolStatistics statistics() {
        return statistics;
    }

    void handshakeCompleted() {
        handshakes.increment();
    }

    void handshakeFailed() {
        handshakeFailures.increment();
    }

    void handshakeTimedOut() {
        handshakeTimeouts.increment();
    }

    /** Handshakes completed, failed and timed out; connections open. */
    Map<String, Long> counters() {
        return Map.of("handshakes", handshakes.sum(), "handshakeFailures", handshakeFailures.sum(),
                "handshakeTimeouts", handshakeTimeouts.sum(), "openConnections", (long) open.get());
    }

    @Override
    public String toString() {
        return "ConnectorTlsEndpoint" + Arrays.toString(protocols) + " -> " + internalAddress;
    }
}
