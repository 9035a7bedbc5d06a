package dev.switchboard.servlet.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.Transport;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;

/**
 * The portable transport: the Servlet API's non-blocking streams of an upgraded
 * {@link WebConnection}, on every container.
 *
 * <p>What the Servlet API leaves to the container, and the container's
 * {@link ConnectionControl} fills in:
 * <ul>
 *   <li><b>Close.</b> {@code WebConnection.close()} is enough on Jetty with Switchboard's
 *       adapter. On Tomcat it only marks the streams closed, and the socket closes the next
 *       time the container dispatches the connection, which for an idle peer is never
 *       ({@code CLOSE-WAIT}); the control closes it at once, after
 *       {@code WebConnection.close()} so that a dispatch in progress also sees the streams
 *       closed.</li>
 *   <li><b>Reads.</b> Where the control confines reads to the container's read callback
 *       (Tomcat), the engine reads only there, and a resume asks the control for another
 *       callback. Elsewhere the Servlet contract holds: input may be read from any thread.</li>
 *   <li><b>Half-close.</b> Closing the output stream half-closes the connection with
 *       Switchboard's Jetty adapter; on Tomcat it only stops the stream.</li>
 *   <li><b>End of input.</b> {@code onAllDataRead}, a read of -1, or (Tomcat, at a
 *       half-close) an {@code EOFException} in {@code onError}.</li>
 * </ul>
 */
public final class ServletTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(ServletTransport.class.getName());

    /** Largest single write handed to the container, so that its own buffering stays bounded. */
    public static final int MAX_WRITE = 64 * 1024;

    /**
     * Read buffers are per thread and taken out while in use: a read loop that runs inside
     * another (one connection resuming another from its callback) takes a buffer of its own.
     */
    private static final ThreadLocal<ByteBuffer> READ_BUFFERS = new ThreadLocal<>();

    private final WebConnection connection;
    private final ConnectionControl control;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Events events;
    private ServletInputStream in;
    private ServletOutputStream out;

    public ServletTransport(WebConnection connection, ConnectionControl control) {
        this.connection = connection;
        this.control = control;
    }

    @Override
    public String name() {
        return SERVLET;
    }

    @Override
    public void start(Events listener) throws IOException {
        this.events = listener;
        in = connection.getInputStream();
        out = connection.getOutputStream();
        out.setWriteListener(new Writer());
        in.setReadListener(new Reader());
    }

    @Override
    public boolean confinedReads() {
        return control.confinedReads();
    }

    @Override
    public void requestRead() {
        Events listener = events;
        if (listener == null) {
            return; // not started: the start reports what is readable
        }
        if (control.confinedReads()) {
            control.dispatchRead();
        } else {
            listener.readable();
        }
    }

    @Override
    public ByteBuffer acquireReadBuffer(int capacity) {
        ByteBuffer buffer = READ_BUFFERS.get();
        READ_BUFFERS.set(null);
        if (buffer == null || buffer.capacity() < capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }
        return buffer.clear();
    }

    @Override
    public void releaseReadBuffer(ByteBuffer buffer) {
        READ_BUFFERS.set(buffer);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        while (in.isReady()) { // false: the container calls onDataAvailable when more arrives
            int n = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
            if (n != 0) {
                if (n > 0) {
                    into.position(into.position() + n);
                }
                return n;
            }
        }
        return 0;
    }

    @Override
    public boolean write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            if (!out.isReady()) {
                return false; // the container calls onWritePossible
            }
            int n = Math.min(data.remaining(), MAX_WRITE);
            if (data.hasArray()) {
                out.write(data.array(), data.arrayOffset() + data.position(), n);
                data.position(data.position() + n);
            } else {
                byte[] chunk = new byte[n];
                data.get(chunk);
                out.write(chunk);
            }
        }
        return true;
    }

    @Override
    public boolean flush() throws IOException {
        if (!out.isReady()) {
            return false;
        }
        out.flush();
        return out.isReady();
    }

    @Override
    public void shutdownOutput() throws IOException {
        out.close();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "WebConnection.close() failed", e);
        }
        control.close();
    }

    private final class Reader implements ReadListener {
        @Override
        public void onDataAvailable() {
            events.readable();
        }

        @Override
        public void onAllDataRead() {
            events.inputEnded();
        }

        @Override
        public void onError(Throwable t) {
            if (t instanceof EOFException) {
                events.inputEnded(); // Tomcat reports a half-close this way
            } else {
                events.failed(t);
            }
        }
    }

    private final class Writer implements WriteListener {
        @Override
        public void onWritePossible() {
            events.writable();
        }

        @Override
        public void onError(Throwable t) {
            events.failed(t);
        }
    }
}
