package dev.switchboard.tomcat.container;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.tomcat.util.net.SocketBufferHandler;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.servlet.container.ConnectionControl;

/**
 * One upgraded Tomcat connection, through its socket wrapper: reads confined to Tomcat's read
 * callback, a read dispatched the way Tomcat's WebSocket server does it
 * ({@code processSocket(OPEN_READ, true)}), and a close from any thread that also releases the
 * upgrade handler; and the capacity of its write buffer, below which writes are kept.
 * Thread-safe, as the wrapper is.
 */
final class TomcatConnectionControl implements ConnectionControl {

    private static final Logger LOG = Logger.getLogger(TomcatConnectionControl.class.getName());

    private final SocketWrapperBase<?> socket;

    TomcatConnectionControl(SocketWrapperBase<?> socket) {
        this.socket = socket;
    }

    @Override
    public boolean confinedReads() {
        return true;
    }

    @Override
    public void dispatchRead() {
        try {
            socket.processSocket(SocketEvent.OPEN_READ, true);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Dispatching a read on Tomcat's socket wrapper failed", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing Tomcat's socket wrapper failed", e);
        }
    }

    /**
     * The capacity of the socket wrapper's write buffer ({@code socket.appWriteBufSize}, or what
     * the connector's buffers were sized to), or 0 if the wrapper has none (already closed).
     */
    @Override
    public int writeBufferSize() {
        try {
            SocketBufferHandler buffers = socket.getSocketBufferHandler();
            return buffers == null ? 0 : buffers.getWriteBuffer().capacity();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "Tomcat's socket wrapper";
    }
}
