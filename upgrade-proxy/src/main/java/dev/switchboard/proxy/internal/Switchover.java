package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldLine;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.StatusLine;
import dev.switchboard.http.Upgrade;
import dev.switchboard.proxy.TunnelOptions;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.switchboard.servlet.nio.LoopBound;
import dev.switchboard.servlet.nio.Reactor;

/**
 * Turns a client connection into a tunnel once its backend is connected: checks the
 * backend's 101 and makes of it the switch that negotiation carries out (or, for CONNECT,
 * writes the 200 and switches itself); the connection engine gets a {@link TunnelSession} and
 * the backend a {@link BackendLink}, on the client connection's own loop where it has one,
 * else on the relay loop.
 */
final class Switchover {

    private static final Logger LOG = Logger.getLogger(Switchover.class.getName());

    private final TunnelOptions options;
    private final TunnelStatistics statistics;
    private final ProtocolStatistics handlerStatistics;
    private final ContainerUpgrade upgrade;
    private final Supplier<Reactor> loop;
    private final Supplier<ScheduledExecutorService> scheduler;

    Switchover(TunnelOptions options, TunnelStatistics statistics, ProtocolStatistics handlerStatistics,
            ContainerUpgrade upgrade, Supplier<Reactor> loop, Supplier<ScheduledExecutorService> scheduler) {
        this.options = options;
        this.statistics = statistics;
        this.handlerStatistics = handlerStatistics;
        this.upgrade = upgrade;
        this.loop = loop;
        this.scheduler = scheduler;
    }

    /**
     * The protocols of a backend's 101, which must name one the client offered (RFC 9110
     * section 7.8: a server never switches to a protocol the client did not ask for).
     *
     * @throws TunnelFailure (502) otherwise
     */
    static Upgrade switchedTo(MessageHead<StatusLine> answer, Upgrade offered, String backend) {
        List<String> lines = answer.values(HttpSpec.UPGRADE);
        if (lines.isEmpty()) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-switch",
                    "Backend " + backend + " answered 101 without an Upgrade field");
        }
        Upgrade protocols;
        try {
            protocols = Upgrade.parse(lines);
        } catch (FieldSyntaxException e) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-switch",
                    "Backend " + backend + " answered 101 with an invalid Upgrade field: " + e.reason());
        }
        for (ProtocolToken p : protocols.protocols()) {
            if (offered.offers(p)) {
                return protocols;
            }
        }
        throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-switch", "Backend " + backend + " switched to "
                + OneLine.of(protocols.toHeaderValue()) + ", which the client did not offer ("
                + offered.toHeaderValue() + ")");
    }

    /**
     * The switch that relays the backend's 101 to the client and starts the tunnel: its
     * {@code Upgrade} names what the backend switched to, its end-to-end fields follow, the
     * request's content went to the backend already. Negotiation's switch writes the 101 and
     * hands the connection over; if it does not, the backend is closed and the permit released.
     */
    Decision.Switch switchTo(MessageHead<StatusLine> answer, Upgrade protocols, BackendConnection backend,
            Capacity.Permit permit) throws IOException {
        Map<String, List<String>> fields = endToEnd(answer);
        UpgradeSession.Factory tunnel = session(backend, backend.afterHead(), permit);
        Decision.Switch decision = Decision.switchTo(tunnel)
                .withUpgrade(protocols.protocols().toArray(new ProtocolToken[0]))
                .withLimits(options.handlerOptions())
                .withContentRead()
                .onAbandon(() -> {
                    backend.close();
                    permit.release();
                });
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            for (String value : field.getValue()) {
                decision = decision.addField(field.getKey(), value);
            }
        }
        return decision;
    }

    /** Answers a CONNECT with 200 and starts the tunnel (RFC 9110 section 9.3.6: a 2xx, not a 101). */
    void connect(HttpServletRequest request, HttpServletResponse response, BackendConnection backend,
            Capacity.Permit permit) throws IOException {
        response.setStatus(200);
        UpgradeSession.Factory tunnel = session(backend, new byte[0], permit);
        try {
            upgrade.upgrade(request, tunnel, handlerStatistics, options.handlerOptions(), scheduler.get());
        } catch (ServletException e) {
            throw new IOException("the container refused the switch", e);
        }
        // Past the point of no return.
        response.setStatus(200);
    }

    /**
     * The tunnel's session for the client connection, over a new {@link BackendLink} to
     * {@code backend} on the relay loop, handed to the connection engine through the container's
     * {@code upgrade()} or its adapter (Jetty's own {@code upgrade()} loses the input of a client
     * that waits for the switch, and only switches after a 101, never after a 200). Until the
     * factory runs, past the point of no return, the backend and the permit stay the caller's.
     */
    private UpgradeSession.Factory session(BackendConnection backend, byte[] early, Capacity.Permit permit)
            throws IOException {
        Transport transport = backend.detach();
        HandlerOptions limits = options.handlerOptions();
        Duration linger = limits.idleTimeout().isZero() ? options.responseTimeout() : limits.idleTimeout();
        return client -> {
            LinkLoop linkLoop = new LinkLoop(() -> loopFor(client, loop));
            BackendLink link = new BackendLink(linkLoop, transport, client, statistics, scheduler.get(), linger,
                    limits.readBufferSize(), limits.maxPendingOutput(), () -> {
                        statistics.tunnelClosed();
                        permit.release();
                    });
            statistics.tunnelOpened();
            statistics.fromBackend(early.length);
            LOG.log(Level.FINE, "Tunnel to {0} open", backend.name());
            return new TunnelSession(client, link, early);
        };
    }

    /**
     * The loop for a tunnel's backend: the {@link Reactor} that serves {@code client} where its
     * transport runs on one of Switchboard's own (Tomcat's {@code tomcat-loop}), so that both
     * sockets are served on one thread with no hand-off per message; else the relay loop.
     * Asked once the client connection is open, when its transport is known.
     */
    static Reactor loopFor(UpgradedConnection client, Supplier<Reactor> relay) {
        Reactor own = client instanceof LoopBound bound ? bound.loop() : null;
        return own != null ? own : relay.get();
    }

    /** The 101's end-to-end fields, in order, grouped by name. */
    private static Map<String, List<String>> endToEnd(MessageHead<StatusLine> answer) {
        Connection connection;
        try {
            connection = Connection.parse(answer.values(HttpSpec.CONNECTION));
        } catch (FieldSyntaxException e) {
            throw TunnelFailure.badResponse(e.reason());
        }
        HopByHop hopByHop = HopByHop.of(connection);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FieldLine f : answer.fields()) {
            if (!hopByHop.contains(f.name()) && !f.is(HttpSpec.CONTENT_LENGTH)) {
                out.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.value());
            }
        }
        return out;
    }
}
