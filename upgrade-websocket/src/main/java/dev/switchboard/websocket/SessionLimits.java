package dev.switchboard.websocket;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on an endpoint's sessions, each closing a session with a code that says why:
 * <ul>
 *   <li>{@code maxSessions}: open sessions at once; a handshake beyond it is refused with
 *       {@code 503} before the switch, and a session that wins a race past it is closed at once
 *       with 1013 (try again later); 0 means no limit;</li>
 *   <li>{@code idleTimeout}: a session with no traffic for this long is closed by the container
 *       with 1001 (going away); zero means never;</li>
 *   <li>{@code maxMessageSize}: the largest whole text or binary message, in bytes (text in
 *       characters on Tomcat, in UTF-8 bytes on Jetty); a larger one closes the session with 1009
 *       (message too big). It is also the size of the message buffers the container gives the
 *       session: Tomcat holds one of this many bytes for binary messages and one of this many
 *       characters (two bytes each) for text, from the session's opening (the application-wide
 *       value), or from its first message of that kind when its endpoint sets a value of its
 *       own, to its end.</li>
 * </ul>
 *
 * @param maxSessions open sessions at once, 0 for no limit
 * @param idleTimeout close after this long without traffic; zero for never
 * @param maxMessageSize largest whole message, at least 1 KiB
 */
public record SessionLimits(int maxSessions, Duration idleTimeout, int maxMessageSize) {

    /**
     * 10,000 sessions, 5 minutes idle, 8 KiB messages: Tomcat's own default message size, and
     * the largest power of two with which 10,000 idle sessions fit in a 512 MiB heap on Tomcat
     * (with its connection buffers sized as the module's README says).
     */
    public static final SessionLimits DEFAULT = new SessionLimits(10_000, Duration.ofMinutes(5), 8 * 1024);

    public SessionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxSessions < 0) {
            throw new IllegalArgumentException("expected maxSessions >= 0 but was " + maxSessions);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("expected a non-negative idleTimeout but was " + idleTimeout);
        }
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("expected maxMessageSize >= 1024 but was " + maxMessageSize);
        }
    }

    public SessionLimits withMaxSessions(int n) {
        return new SessionLimits(n, idleTimeout, maxMessageSize);
    }

    public SessionLimits withIdleTimeout(Duration d) {
        return new SessionLimits(maxSessions, d, maxMessageSize);
    }

    public SessionLimits withMaxMessageSize(int bytes) {
        return new SessionLimits(maxSessions, idleTimeout, bytes);
    }
}
