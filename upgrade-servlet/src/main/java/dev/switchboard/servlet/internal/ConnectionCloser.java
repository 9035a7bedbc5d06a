package dev.switchboard.servlet.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.WebConnection;

/**
 * Closes an upgraded connection from any thread.
 *
 * <p>{@link WebConnection#close()} is enough on Jetty with Switchboard's Jetty adapter (Jetty
 * 12.1's own servlet upgrade instead completes the exchange and goes back to parsing HTTP/1.1
 * on the connection: see {@code docs/jetty-upgrade-eof.md}). On Tomcat it only marks the streams
 * closed: the socket is closed, and {@code HttpUpgradeHandler.destroy()} called, the next
 * time the container dispatches the connection, which for an idle peer is never (the
 * connection lingers in {@code CLOSE-WAIT}). Tomcat's own WebSocket implementation closes
 * through the connection's socket wrapper instead, which is safe from any thread and
 * releases the handler; this class does the same when it finds that wrapper behind the
 * upgraded input stream, after {@code WebConnection.close()} so that a dispatch in progress
 * also sees the streams closed and releases the handler exactly once.
 */
public final class ConnectionCloser {

    private static final Logger LOG = Logger.getLogger(ConnectionCloser.class.getName());

    /** Single-entry cache of the container stream class and its wrapper field. */
    private static volatile Lookup cache = new Lookup(null, null, null);
    private static volatile boolean warned;

    private ConnectionCloser() {
    }

    /** Closes {@code connection}; never throws. */
    public static void close(WebConnection connection) {
        Object wrapper = socketWrapper(connection);
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "WebConnection.close() failed", e);
        }
        if (wrapper != null) {
            try {
                cache.close.invoke(wrapper);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "Closing the socket wrapper failed", e);
            }
        }
    }

    private static Object socketWrapper(WebConnection connection) {
        Object in;
        try {
            in = connection.getInputStream();
        } catch (Exception e) {
            return null;
        }
        if (in == null) {
            return null;
        }
        Class<?> type = in.getClass();
        Lookup lookup = cache;
        if (lookup.type != type) {
            lookup = find(type);
            cache = lookup;
        }
        if (lookup.field == null) {
            return null;
        }
        try {
            return lookup.field.get(in);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Lookup find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField("socketWrapper");
                field.setAccessible(true);
                Method close = field.getType().getMethod("close");
                return new Lookup(type, field, close);
            } catch (NoSuchFieldException e) {
                // not at this level
            } catch (NoSuchMethodException | RuntimeException e) {
                break;
            }
        }
        if (type.getName().startsWith("org.apache.coyote") && !warned) {
            warned = true;
            LOG.warning("Cannot reach Tomcat's socket wrapper behind " + type.getName()
                    + "; upgraded connections closed from application threads may stay open until the peer closes");
        }
        return new Lookup(type, null, null);
    }

    private record Lookup(Class<?> type, Field field, Method close) {
    }
}
