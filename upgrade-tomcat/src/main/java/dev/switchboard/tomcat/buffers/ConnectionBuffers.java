package dev.switchboard.tomcat.buffers;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.connector.Connector;

/**
 * Sizes the buffers Tomcat keeps for as long as a connection stays open, idle or not, so that
 * many idle connections, WebSocket sessions above all, fit in a small heap:
 * <ul>
 *   <li>the connector's read and write buffers of every connection ({@code socket.appReadBufSize}
 *       and {@code socket.appWriteBufSize}, 8 KiB each in Tomcat), for this connector only;</li>
 *   <li>the frame input, output and text encoder buffers of every WebSocket session (the system
 *       property {@value #WEBSOCKET_PROPERTY}, 8 KiB in Tomcat), for the whole JVM, since Tomcat
 *       reads it once, when its WebSocket classes load.</li>
 * </ul>
 * The message buffers of each session are the web application's: Switchboard sizes them with
 * {@code switchboard.websocket.maxMessageSize}.
 *
 * <p>The cost: Tomcat reads and writes a connection in pieces no larger than these buffers, so
 * large request bodies, responses and WebSocket messages take more system calls, and Tomcat
 * sends a text message larger than its WebSocket buffer as several frames. Over TLS, Tomcat
 * widens the connection's buffers to the TLS record size whatever is set here.
 *
 * <p>In {@code server.xml}, inside the {@code <Connector>} (attributes map to the setters):
 *
 * <pre>
 * &lt;Listener className="dev.switchboard.tomcat.buffers.ConnectionBuffers"/&gt;
 * </pre>
 *
 * <p>Embedded: {@code new ConnectionBuffers().install(connector)} before the connector
 * initialises (for Spring Boot, from a {@code TomcatConnectorCustomizer}). Either way the
 * WebSocket buffer size only takes effect if Tomcat's WebSocket classes have not loaded yet;
 * a value already given to the JVM ({@code -D}{@value #WEBSOCKET_PROPERTY}) is kept. Not
 * thread-safe until installed; configure it first.
 */
public final class ConnectionBuffers implements LifecycleListener {

    /** Read and write buffer of each connection unless set: 2 KiB. */
    public static final int DEFAULT_SOCKET_BUFFER_SIZE = 2048;
    /** Frame input, output and text encoder buffer of each WebSocket session unless set: 2 KiB. */
    public static final int DEFAULT_WEBSOCKET_BUFFER_SIZE = 2048;
    /** The system property Tomcat's WebSocket sizes its per-session I/O buffers from. */
    public static final String WEBSOCKET_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    static final int MIN_SIZE = 1024;
    static final int MAX_SIZE = 1 << 20;

    private static final Logger LOG = Logger.getLogger(ConnectionBuffers.class.getName());
    private static final String WEBSOCKET_CONSTANTS = "org.apache.tomcat.websocket.Constants";

    private int socketBufferSize = DEFAULT_SOCKET_BUFFER_SIZE;
    private int webSocketBufferSize = DEFAULT_WEBSOCKET_BUFFER_SIZE;
    /**
     * Why a setter refused a value, kept because Tomcat's {@code server.xml} parser only logs
     * (at debug level) what a setter throws: the connector then refuses to initialise.
     */
    private String refused;

    /**
     * The read buffer and the write buffer of each connection of the connector, in bytes, from
     * {@value #MIN_SIZE} to 1 MiB. Default {@value #DEFAULT_SOCKET_BUFFER_SIZE}.
     */
    public void setSocketBufferSize(int bytes) {
        this.socketBufferSize = checked("socketBufferSize", bytes);
    }

    /**
     * The frame input, output and text encoder buffers of each WebSocket session of the JVM, in
     * bytes, from {@value #MIN_SIZE} to 1 MiB. Default {@value #DEFAULT_WEBSOCKET_BUFFER_SIZE}.
     */
    public void setWebSocketBufferSize(int bytes) {
        this.webSocketBufferSize = checked("webSocketBufferSize", bytes);
    }

    public int socketBufferSize() {
        return socketBufferSize;
    }

    public int webSocketBufferSize() {
        return webSocketBufferSize;
    }

    /**
     * Sizes {@code connector}'s buffers now, and sets the WebSocket buffer size unless the JVM
     * was given one; the embedded API ({@code server.xml}'s {@code <Listener>} does the same
     * when the connector initialises). Call it before the connector starts: connections Tomcat
     * already made keep their buffers.
     *
     * @throws IllegalStateException if a setter was given a size out of range (so that the
     *         connector does not start with buffers other than those configured)
     */
    public void install(Connector connector) {
        apply(connector);
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Connector connector) {
            apply(connector);
        }
    }

    private void apply(Connector connector) {
        if (refused != null) {
            throw new IllegalStateException("ConnectionBuffers on " + connector + " was given a size out of range: "
                    + refused);
        }
        String size = Integer.toString(socketBufferSize);
        if (!connector.setProperty("socket.appReadBufSize", size) || !connector.setProperty("socket.appWriteBufSize", size)) {
            throw new IllegalStateException("connector " + connector + " has no socket.appReadBufSize and "
                    + "socket.appWriteBufSize: ConnectionBuffers serves Tomcat's NIO and NIO2 connectors");
        }
        String given = System.getProperty(WEBSOCKET_PROPERTY);
        if (given == null) {
            System.setProperty(WEBSOCKET_PROPERTY, Integer.toString(webSocketBufferSize));
        } else if (!given.trim().equals(Integer.toString(webSocketBufferSize))) {
            LOG.info("Keeping -D" + WEBSOCKET_PROPERTY + "=" + given + " given to the JVM rather than " + webSocketBufferSize);
        }
        Integer effective = webSocketBuffersInUse();
        LOG.info("Buffers on " + connector + ": " + socketBufferSize + " bytes to read and " + socketBufferSize
                + " to write per connection; WebSocket sessions: "
                + (effective == null ? "Tomcat's WebSocket is not on the class path" : effective + " bytes per I/O buffer"));
        if (effective != null && !Integer.toString(effective).equals(System.getProperty(WEBSOCKET_PROPERTY, "").trim())) {
            LOG.warning("Tomcat's WebSocket was loaded before " + WEBSOCKET_PROPERTY + " was set, so its sessions keep "
                    + effective + "-byte buffers: give -D" + WEBSOCKET_PROPERTY + "=" + webSocketBufferSize
                    + " to the JVM instead");
        }
    }

    /**
     * The size Tomcat's WebSocket uses, read from the class that holds it (loading it, with the
     * property now set, if nothing has yet), or null without Tomcat's WebSocket.
     */
    private static Integer webSocketBuffersInUse() {
        try {
            Class<?> constants = Class.forName(WEBSOCKET_CONSTANTS, true, Connector.class.getClassLoader());
            Field field = constants.getDeclaredField("DEFAULT_BUFFER_SIZE");
            field.setAccessible(true);
            return field.getInt(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not read the buffer size of Tomcat's WebSocket", e);
            return null;
        }
    }

    private int checked(String name, int bytes) {
        if (bytes < MIN_SIZE || bytes > MAX_SIZE) {
            refused = name + ": expected a size from " + MIN_SIZE + " to " + MAX_SIZE + " bytes but was " + bytes;
            throw new IllegalArgumentException(refused);
        }
        return bytes;
    }
}
