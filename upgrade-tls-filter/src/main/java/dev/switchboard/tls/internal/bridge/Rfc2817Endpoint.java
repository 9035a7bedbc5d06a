package dev.switchboard.tls.internal.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import dev.switchboard.servlet.nio.Reactor;
import dev.switchboard.tls.internal.engine.KeyMaterial;

/**
 * What all RFC 2817 connections of one web application, or of one connector, share: the key
 * material and TLS parameters they handshake with, the selector thread of their loopback
 * links, their limits and counters. Thread-safe.
 */
public final class Rfc2817Endpoint {

    /** The application protocol named by ALPN, when the client offers it (RFC 7301). */
    static final String ALPN_HTTP_1_1 = "http/1.1";

    /** HTTP/2 over TLS in ALPN (RFC 9113 section 3.2). */
    static final String ALPN_H2 = "h2";

    private final KeyMaterial keys;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final String minVersion;
    private final Duration handshakeTimeout;
    private final ConnectionSlots slots;
    /**
     * How long a bridge {@link Reactor} lives on without a socket: long enough for a burst of
     * connections to share one thread, short enough that an idle application holds none.
     */
    public static final Duration REACTOR_IDLE_EXIT = Duration.ofSeconds(5);

    private final Reactor reactor;
    private final boolean refuseHttp2Offers;
    private final LongAdder handshakes = new LongAdder();
    private final LongAdder http2OffersRefused = new LongAdder();
    private final LongAdder handshakeFailures = new LongAdder();
    private final LongAdder handshakeTimeouts = new LongAdder();
    private final LongAdder bridgeRefusals = new LongAdder();

    /**
     * @param keys the certificates presented: the web application's key store, or the connector's
     * @param enabledProtocols JSSE protocol names, at or above the minimum
     * @param cipherSuites JSSE suite names; empty for the JDK's defaults
     * @param maxConnectionsPerClient connections one client address may hold at a time
     * @param refuseHttp2Offers whether a ClientHello that offers {@code h2} is refused
     * @param reactor drives the loopback links
     * @throws IllegalArgumentException if no protocol or a suite is not supported
     */
    public Rfc2817Endpoint(KeyMaterial keys, String[] enabledProtocols, List<String> cipherSuites, String minVersion,
            Duration handshakeTimeout, int maxConnections, int maxConnectionsPerClient, boolean refuseHttp2Offers,
            Reactor reactor) {
        if (enabledProtocols.length == 0) {
            throw new IllegalArgumentException("the JDK supports no TLS version at or above " + minVersion);
        }
        List<String> unknown = new ArrayList<>(cipherSuites);
        unknown.removeAll(keys.supportedCipherSuites());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cipher suites not supported by this JDK: " + unknown);
        }
        this.keys = keys;
        this.protocols = enabledProtocols.clone();
        this.cipherSuites = cipherSuites.toArray(new String[0]);
        this.minVersion = minVersion;
        this.handshakeTimeout = handshakeTimeout;
        this.slots = new ConnectionSlots(maxConnections, maxConnectionsPerClient);
        this.refuseHttp2Offers = refuseHttp2Offers;
        this.reactor = reactor;
    }

    /**
     * A server engine for one client, made for {@code host} (the key follows it, see
     * {@link KeyMaterial}; null names none): only the enabled versions (so that nothing below
     * the minimum is ever negotiated, whatever the client offers or the {@code Upgrade} token
     * said), the configured suites, the server's suite order, no client authentication, and
     * ALPN answered by {@link #applicationProtocol}.
     */
    SSLEngine newEngine(String host, int peerPort) {
        SSLEngine engine = keys.context().createSSLEngine(host, peerPort);
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
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> applicationProtocol(offered));
        return engine;
    }

    /**
     * The ALPN answer (RFC 7301) to {@code offered}: none when the client offers nothing,
     * {@code http/1.1} when offered, and otherwise null, which ends the handshake with
     * {@code no_application_protocol}. A client that offers {@code h2} is refused too, where
     * configured: an RFC 2817 client has no reason to offer a protocol the upgraded connection
     * cannot carry (CUPS and Apache HttpClient offer no ALPN), browsers and https clients
     * offer it, and a man in the middle may have relayed such a client onto an upgraded
     * connection to have it read a response meant for someone else (the Opossum attack,
     * CVE-2025-49812, TLS-11).
     */
    String applicationProtocol(List<String> offered) {
        if (refuseHttp2Offers && offered.contains(ALPN_H2)) {
            http2OffersRefused.increment();
            return null;
        }
        if (offered.isEmpty()) {
            return "";
        }
        return offered.contains(ALPN_HTTP_1_1) ? ALPN_HTTP_1_1 : null;
    }

    /** Whether {@code negotiated} (a JSSE name) is one of the enabled versions. */
    boolean allowed(String negotiated) {
        return Set.of(protocols).contains(negotiated);
    }

    /** Takes a connection slot for {@code client}; false when all are taken, or all that {@code client} may have. */
    boolean tryOpen(String client) {
        return slots.tryTake(client);
    }

    /** Gives back the slot {@code client} took. */
    void closed(String client) {
        slots.give(client);
    }

    /** Whether every connection slot is taken. */
    public boolean full() {
        return slots.full();
    }

    /** Whether {@code client} holds every connection slot it may. */
    public boolean fullFor(String client) {
        return slots.fullFor(client);
    }

    public int openConnections() {
        return slots.open();
    }

    String minVersion() {
        return minVersion;
    }

    Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    Reactor reactor() {
        return reactor;
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

    void bridgeRefused() {
        bridgeRefusals.increment();
    }

    /**
     * Counters: handshakes completed, failed (of which ClientHellos refused for offering
     * {@code h2}), timed out; requests refused on upgraded connections; open connections.
     */
    public Map<String, Long> counters() {
        return Map.of("handshakes", handshakes.sum(), "handshakeFailures", handshakeFailures.sum(),
                "http2OffersRefused", http2OffersRefused.sum(), "handshakeTimeouts", handshakeTimeouts.sum(),
                "bridgeRefusals", bridgeRefusals.sum(), "openConnections", (long) slots.open());
    }

    @Override
    public String toString() {
        return "Rfc2817Endpoint" + Arrays.toString(protocols);
    }
}
