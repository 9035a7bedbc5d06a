package dev.switchboard.websocket.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.websocket.SessionLimits;
import dev.switchboard.websocket.WebSocketProtocolProvider;
import jakarta.servlet.ServletContext;
import jakarta.websocket.CloseReason;

/**
 * The {@link EndpointSessions} of one web application, by endpoint path, kept as a context
 * attribute so that the sessions outlive any one filter and can all be closed when the
 * application stops. Thread-safe.
 */
public final class SessionRegistry {

    private static final String ATTRIBUTE = SessionRegistry.class.getName();

    private final ConcurrentMap<String, EndpointSessions> byPath = new ConcurrentHashMap<>();
    private final ProtocolStatistics statistics;

    /** A registry counting into {@code statistics}; applications use {@link #of}. */
    SessionRegistry(ProtocolStatistics statistics) {
        this.statistics = statistics;
    }

    /** The registry of {@code context}, created on first use. */
    public static SessionRegistry of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof SessionRegistry registry) {
                return registry;
            }
            SessionRegistry registry = new SessionRegistry(
                    UpgradeRegistry.of(context).statistics().forProtocol(WebSocketProtocolProvider.NAME));
            context.setAttribute(ATTRIBUTE, registry);
            return registry;
        }
    }

    /** The sessions of the endpoint at {@code path}, created with {@code limits} on first use. */
    public EndpointSessions forEndpoint(String path, SessionLimits limits) {
        return byPath.computeIfAbsent(path, p -> new EndpointSessions(p, limits, statistics));
    }

    /** Closes every session of every endpoint with {@code reason}. */
    public void closeAll(CloseReason reason) {
        for (EndpointSessions s : byPath.values()) {
            s.closeAll(reason);
        }
    }
}
