package dev.switchboard.servlet.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.WebConnection;

/**
 * Tomcat's socket wrapper behind an upgraded connection, for the two things the servlet API
 * cannot do there and Tomcat's own WebSocket implementation does through the same object:
 *
 * <ul>
 *   <li>{@link #close()} from any thread (the wrapper's {@code close()}: it releases the
 *       handler and closes the socket; {@code WebConnection.close()} only marks the streams);</li>
 *   <li>{@link #dispatchRead()}: have Tomcat run a read callback on its own thread
 *       ({@code processSocket(OPEN_READ, true)}). Tomcat's upgraded input must only be read
 *       there (its {@code isReady()} on another thread races with its dispatch over the read
 *       buffer), and bytes Tomcat already took off the socket wake nothing up by themselves.</li>
 * </ul>
 *
 * Reached by reflection ({@code socketWrapper} field of Tomcat's upgraded input stream), so
 * that nothing here needs Tomcat to compile or to run elsewhere. Thread-safe.
 */
public final class TomcatSocket {

    private static final Logger LOG = Logger.getLogger(TomcatSocket.class.getName());

    /** Single-entry cache of the container stream class and what was found in it. */
    private static volatile Lookup cache = new Lookup(null, null, null, null, null);
    private static volatile boolean warned;

    private final Object wrapper;
    private final Lookup lookup;

    private TomcatSocket(Object wrapper, Lookup lookup) {
        this.wrapper = wrapper;
        this.lookup = lookup;
    }

    /** The socket behind {@code connection}, or null when it is not an upgraded Tomcat connection. */
    public static TomcatSocket of(WebConnection connection) {
        Object in;
        try {
            in = connection.getInputStream();
        } catch (Exception e) {
            return null;
        }
        if (in == null || !in.getClass().getName().startsWith("org.apache.coyote.")) {
            return null;
        }
        Lookup lookup = cache;
        if (lookup.type != in.getClass()) {
            lookup = find(in.getClass());
            cache = lookup;
        }
        if (lookup.field == null) {
            return null;
        }
        try {
            return new TomcatSocket(lookup.field.get(in), lookup);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** Closes the socket and releases the handler; never throws. */
    public void close() {
        try {
            lookup.close.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing Tomcat's socket wrapper failed", e);
        }
    }

    /** Asks Tomcat to run the connection's read callback on one of its threads; never throws. */
    public void dispatchRead() {
        try {
            lookup.processSocket.invoke(wrapper, lookup.openRead, Boolean.TRUE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Dispatching a read on Tomcat's socket wrapper failed", e);
        }
    }

    private static Lookup find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField("socketWrapper");
                field.setAccessible(true);
                Class<?> wrapperType = field.getType();
                Method close = wrapperType.getMethod("close");
                Class<?> eventType = Class.forName("org.apache.tomcat.util.net.SocketEvent", false,
                        wrapperType.getClassLoader());
                Method processSocket = wrapperType.getMethod("processSocket", eventType, boolean.class);
                Object openRead = eventType.getField("OPEN_READ").get(null);
                return new Lookup(type, field, close, processSocket, openRead);
            } catch (NoSuchFieldException e) {
                // not at this level
            } catch (ReflectiveOperationException | RuntimeException e) {
                break;
            }
        }
        if (!warned) {
            warned = true;
            LOG.warning("Cannot reach Tomcat's socket wrapper behind " + type.getName()
                    + "; upgraded connections may stay open after a close from an application thread,"
                    + " and resumed input may wait for the peer's next bytes");
        }
        return new Lookup(type, null, null, null, null);
    }

    private record Lookup(Class<?> type, Field field, Method close, Method processSocket, Object openRead) {
    }
}
