package dev.switchboard.servlet.internal;

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

    private ConnectionCloser() {
    }

    /** Closes {@code connection}; never throws. */
    public static void close(WebConnection connection) {
        TomcatSocket socket = TomcatSocket.of(connection);
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "WebConnection.close() failed", e);
        }
        if (socket != null) {
            socket.close();
        }
    }
}
