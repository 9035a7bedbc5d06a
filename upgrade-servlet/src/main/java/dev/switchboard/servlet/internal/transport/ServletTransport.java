package dev.switchboard.servlet.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ReadBuffers;
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
 *   <li><b>Writes.</b> Tomcat copies a non-blocking write into its write buffer
 *       ({@code socket.appWriteBufSize}, 8 KiB), sending each time it fills, but leaves the last
 *       part there; when that part fills the buffer exactly, {@code isReady()} turns false and
 *       neither a write nor a flush is allowed until its poller has found the socket writable,
 *       a round trip for every write that ends on a multiple of the buffer (every 16 KiB
 *       chunk an echo writes). Where the control knows the buffer's size, each write is kept one
 *       byte below it and flushed at once, which leaves the buffer empty for the next.</li>
 *   <li><b>End of input.</b> {@code onAllDataRead}, a read of -1, or (Tomcat, at a
 *       half-close) an {@code EOFException} in {@code onError}.</li>
 * </ul>
 */
public final class ServletTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(ServletTransport.class.getName());

    /** Largest single write handed to the container, so that its own buffering stays bounded. */
    public static final int MAX_WRITE = 64 * 1024;

    private final WebConnection connection;
    private final ConnectionControl control;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Events events;
    private ServletInputStream in;
    private ServletOutputStream out;
    /** Most bytes per write: {@link #MAX_WRITE}, or one less than the container's write buffer. */
    private final int writeCap;
    /** Whether each write is flushed at once (when capped below the container's buffer). */
    private final boolean flushEachWrite;
    /** Whether bytes were written since the last flush. Under the engine's output lock. */
    private boolean unflushed;

    /** A transport that writes up to {@link #MAX_WRITE} bytes at a time and flushes when the engine asks. */
    public ServletTransport(WebConnection connection, ConnectionControl control) {
        this(connection, control, 0);
    }

    /**
     * @param writeBufferSize the capacity of the container's write buffer (see
     *     {@link ConnectionControl#writeBufferSize()}): each write is then kept one byte below
     *     it and flushed at once, so that the buffer is never left exactly full; 0 (or 1) for
     *     writes of up to {@link #MAX_WRITE} bytes, flushed when the engine asks
     */
    public ServletTransport(WebConnection connection, ConnectionControl control, int writeBufferSize) {
        this.connection = connection;
        this.control = control;
        this.flushEachWrite = writeBufferSize > 1;
        this.writeCap = flushEachWrite ? Math.min(MAX_WRITE, writeBufferSize - 1) : MAX_WRITE;
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
        return ReadBuffers.acquire(capacity);
    }

    @Override
    public void releaseReadBuffer(ByteBuffer buffer) {
        ReadBuffers.release(buffer);
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
            int n = Math.min(data.remaining(), writeCap);
            if (data.hasArray()) {
                out.write(data.array(), data.arrayOffset() + data.position(), n);
                data.position(data.position() + n);
            } else {
                byte[] chunk = new byte[n];
                data.get(chunk);
                out.write(chunk);
            }
            unflushed = true;
            if (flushEachWrite && out.isReady()) {
                out.flush(); // the buffer now holds less than its capacity, so the flush is allowed
                unflushed = false;
            }
        }
        return true;
    }

    @Override
    public boolean flush() throws IOException {
        if (!unflushed) {
            return out.isReady(); // each write was flushed: whether the last flush has gone out
        }
        if (!out.isReady()) {
            return false;
        }
        out.flush();
        unflushed = false;
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
