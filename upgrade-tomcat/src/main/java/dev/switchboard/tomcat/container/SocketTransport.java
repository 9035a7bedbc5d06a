package dev.switchboard.tomcat.container;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.servlet.container.ReadBuffers;
import dev.switchboard.servlet.container.Transport;

/**
 * The {@code tomcat} transport: an upgraded connection served through Tomcat's socket wrapper
 * and poller, as Tomcat's own WebSocket and HTTP/2 connections are, without the Servlet
 * streams in between. Tomcat's events reach it through {@link #dispatch}, which its
 * {@link TomcatCarrier} calls under Tomcat's socket lock, one at a time.
 *
 * <ul>
 *   <li><b>Reads</b> are non-blocking reads of the wrapper, confined to {@code OPEN_READ}.
 *       The bytes the client sent right after the request are already in the wrapper's read
 *       buffer (Tomcat puts them back before the handover), and Tomcat dispatches a read right
 *       after it; a read before the engine has started is asked for again once it does. The
 *       dispatch tells Tomcat to poll for more only when the engine read until nothing was
 *       left; when the engine stopped reading (held input, backlog, end of input) Tomcat stops
 *       polling the socket until {@link #requestRead()} dispatches a read again.</li>
 *   <li><b>Writes</b> are non-blocking writes of the wrapper, which takes all it is given and
 *       sends what the socket takes now; what is left waits in the wrapper's buffers, and goes
 *       first at the next write or flush. While they hold anything the socket would not take,
 *       writes stop until Tomcat dispatches {@code OPEN_WRITE}.</li>
 *   <li><b>Timeouts</b> are the engine's: Tomcat sets the wrapper's read and write timeouts to
 *       infinite for an internal upgrade, so its poller never closes the connection.</li>
 *   <li><b>Close</b> only through the wrapper, which also has Tomcat release the carrier.
 *       Half-close is not offered: the output stays open until the close.</li>
 * </ul>
 *
 * <p>Thread-safety as {@link Transport} states it; the write flag is shared with the
 * dispatch, and published through a volatile.
 */
final class SocketTransport implements Transport {

    /** The name of this transport. */
    static final String NAME = "tomcat";

    private static final Logger LOG = Logger.getLogger(SocketTransport.class.getName());

    private final SocketWrapperBase<?> socket;
    private volatile Events events;
    /** A read was dispatched before the engine started: ask for another once it has. Guarded by this. */
    private boolean readMissed;
    /** A flush left bytes in the wrapper: nothing goes out until {@code OPEN_WRITE}. */
    private volatile boolean awaitingWrite;
    private volatile boolean closed;
    /** In the current read dispatch: a read found nothing, so Tomcat should poll for more. */
    private boolean readDrained;

    SocketTransport(SocketWrapperBase<?> socket) {
        this.socket = socket;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(Events listener) {
        boolean missed;
        synchronized (this) {
            events = listener;
            missed = readMissed;
        }
        if (missed) {
            requestRead();
        }
    }

    @Override
    public boolean confinedReads() {
        return true;
    }

    @Override
    public void requestRead() {
        if (!closed && events != null) {
            socket.processSocket(SocketEvent.OPEN_READ, true);
        }
    }

    @Override
    public ByteBuffer acquireReadBuffer(int capacity) {
        return ReadBuffers.acquire(capacity);
    }

    @Override
    public void releaseReadBuffer(ByteBuffer buffer) {
        ReadBuffers.release(buffer);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        open();
        int n = socket.read(false, into);
        if (n == 0) {
            readDrained = true;
        }
        return n;
    }

    @Override
    public boolean write(ByteBuffer data) throws IOException {
        open();
        if (awaitingWrite || !writable()) {
            return !data.hasRemaining();
        }
        socket.write(false, data);
        return true;
    }

    /**
     * Whether the wrapper's buffers can take a write now, once what they hold has been pushed
     * on; else arranges for {@code OPEN_WRITE} once they can, so that they never hold more than
     * one write the socket has not taken.
     */
    private boolean writable() throws IOException {
        try {
            // What the buffers still hold goes first: Tomcat sends none of it on its own.
            if (socket.canWrite() || !socket.flush(false) && socket.canWrite()) {
                return true;
            }
        } catch (IllegalStateException e) {
            throw new IOException("connection closed", e);
        }
        // Set before the interest is registered: the OPEN_WRITE it brings clears it.
        awaitingWrite = true;
        socket.registerWriteInterest();
        return false;
    }

    @Override
    public boolean flush() throws IOException {
        open();
        if (awaitingWrite) {
            return false;
        }
        if (!socket.flush(false)) {
            return true;
        }
        // Set before the interest is registered: the OPEN_WRITE it brings clears it.
        awaitingWrite = true;
        socket.registerWriteInterest();
        return false;
    }

    @Override
    public void shutdownOutput() {
        // the wrapper offers no half-close: the output ends with the close
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing Tomcat's socket wrapper failed", e);
        }
    }

    /**
     * One of Tomcat's events, under its socket lock.
     *
     * @return what Tomcat does next: poll for reads ({@code UPGRADED} after a read that found
     *     nothing, or any write event), leave the socket alone until a read is requested
     *     ({@code SUSPENDED}), or close it and release the carrier ({@code CLOSED})
     */
    SocketState dispatch(SocketEvent event) {
        Events listener;
        synchronized (this) {
            listener = events;
            if (listener == null && event == SocketEvent.OPEN_READ) {
                readMissed = true;
            }
        }
        switch (event) {
            case OPEN_READ -> {
                if (listener == null) {
                    return state(SocketState.SUSPENDED);
                }
                readDrained = false;
                listener.readable();
                return state(readDrained ? SocketState.UPGRADED : SocketState.SUSPENDED);
            }
            case OPEN_WRITE -> {
                awaitingWrite = false;
                if (listener != null) {
                    listener.writable();
                }
                return state(SocketState.UPGRADED);
            }
            case TIMEOUT -> {
                // not sent for internal upgrades, whose timeouts are infinite; the engine keeps its own
                return state(SocketState.UPGRADED);
            }
            default -> {
                // STOP, ERROR, DISCONNECT, CONNECT_FAIL: Tomcat ends the connection
                if (listener != null) {
                    listener.failed(cause(event));
                }
                closed = true;
                return SocketState.CLOSED;
            }
        }
    }

    private SocketState state(SocketState wanted) {
        return closed || socket.isClosed() ? SocketState.CLOSED : wanted;
    }

    private IOException cause(SocketEvent event) {
        IOException error = socket.getError();
        if (error != null) {
            return error;
        }
        return event == SocketEvent.DISCONNECT ? new EOFException("Tomcat reported the peer gone")
                : new IOException("Tomcat ended the connection (" + event + ")");
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
    }

    @Override
    public String toString() {
        return NAME + " (" + socket + ")";
    }
}
