package dev.switchboard.websocket.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.websocket.SessionLimits;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * The open sessions of one endpoint, bounded by its {@link SessionLimits}. Sessions are added
 * when admitted and removed when their endpoint sees them close; sessions whose close was not
 * seen (annotated endpoints have no hook for it) are pruned when the count reaches the limit,
 * so the count is exact exactly when it matters. Thread-safe.
 */
public final class EndpointSessions {

    private static final Logger LOG = Logger.getLogger(EndpointSessions.class.getName());

    private final String path;
    private final SessionLimits limits;
    /** The open sessions, each with {@link System#nanoTime()} at its admission. */
    private final Map<Session, Long> open = new ConcurrentHashMap<>();
    private final ProtocolStatistics statistics;

    /**
     * @param statistics the WebSocket protocol's counters, whose listeners hear how long
     *     sessions lived and how they closed
     */
    public EndpointSessions(String path, SessionLimits limits, ProtocolStatistics statistics) {
        this.path = path;
        this.limits = limits;
        this.statistics = statistics;
    }

    public String path() {
        return path;
    }

    public SessionLimits limits() {
        return limits;
    }

    /** Whether another session would fit now; for refusing a handshake before the switch. */
    public boolean hasRoom() {
        int max = limits.maxSessions();
        if (max == 0 || open.size() < max) {
            return true;
        }
        open.keySet().removeIf(s -> !s.isOpen());
        return open.size() < max;
    }

    /**
     * Admits {@code session} if there is room, and applies the idle timeout and message size
     * limits to it.
     *
     * @return false when the endpoint is full; the session is then not tracked
     */
    public boolean admit(Session session) {
        int max = limits.maxSessions();
        if (max > 0) {
            synchronized (this) {
                if (!hasRoom()) {
                    return false;
                }
                open.put(session, System.nanoTime());
            }
        } else {
            open.put(session, System.nanoTime());
        }
        session.setMaxIdleTimeout(limits.idleTimeout().toMillis());
        session.setMaxTextMessageBufferSize(limits.maxMessageSize());
        session.setMaxBinaryMessageBufferSize(limits.maxMessageSize());
        return true;
    }

    /** Forgets a session that has closed. */
    public void remove(Session session) {
        open.remove(session);
    }

    /**
     * Forgets an admitted session that closed with {@code code} and reports its lifetime and
     * code, as {@link #remove} and {@link #ended} do; does nothing for a session already
     * forgotten (pruned, or reported before), so a close is reported at most once.
     */
    public void closed(Session session, int code) {
        Long admittedAt = open.remove(session);
        if (admittedAt != null) {
            ended(Duration.ofNanos(System.nanoTime() - admittedAt), code);
        }
    }

    /** Reports that an admitted session closed with {@code code} after {@code lifetime}. */
    public void ended(Duration lifetime, int code) {
        statistics.sessionEnded(lifetime, code);
    }

    /** Sessions currently counted as open. */
    public int size() {
        return open.size();
    }

    /** Closes every open session with {@code reason}; sessions that fail to close are logged and dropped. */
    public void closeAll(CloseReason reason) {
        for (Session s : open.keySet()) {
            try {
                if (s.isOpen()) {
                    s.close(reason);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not close a session of " + path, e);
            }
        }
        open.clear();
    }
}
