package dev.switchboard.servlet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.internal.ConnectionCloser;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * A base for protocols that run after a 101, on the servlet non-blocking I/O API: no thread
 * is parked per connection.
 *
 * <p>Subclasses implement {@link #onInput(ByteBuffer)} and call {@link #write(ByteBuffer)};
 * the base class provides:
 * <ul>
 *   <li><b>Serial callbacks.</b> {@code onOpen}, {@code onInput}, {@code onInputClosed},
 *       {@code onWritable}, {@code onTimeout} and {@code onClosed} never run concurrently, and
 *       {@code write}/{@code close} may be called from any thread at any time.</li>
 *   <li><b>Back-pressure.</b> Output that the peer does not take yet is queued; past
 *       {@link HandlerOptions#maxPendingOutput()} bytes, {@code write} returns false and
 *       reading stops until the queue is down to half, so a slow reader slows its writer and
 *       memory stays bounded.</li>
 *   <li><b>Timeouts.</b> An idle timeout and a first-byte timeout, since containers give
 *       upgraded connections none.</li>
 *   <li><b>A close that closes</b>, from any thread, on every container (see
 *       {@link dev.switchboard.servlet.internal.ConnectionCloser}).</li>
 *   <li><b>Half-close.</b> The peer's end of input (including Tomcat's
 *       {@code EOFException} in {@code onError}) arrives as {@link #onInputClosed()}.</li>
 * </ul>
 *
 * <p>A handler starts when both the container has called {@link #init(WebConnection)} and
 * {@link UpgradeFilter} has configured it, whichever comes last: Tomcat calls {@code init}
 * after the filter returns, Jetty inside {@code request.upgrade()}. Switch to it with
 * {@link Decision#switchTo(Class, java.util.function.Consumer)}. Subclasses need a public
 * no-argument constructor.
 */
public abstract class NonBlockingUpgradeHandler implements HttpUpgradeHandler {

    private static final Logger LOG = Logger.getLogger(NonBlockingUpgradeHandler.class.getName());

    /** Largest single write handed to the container, so that its own buffering stays bounded. */
    private static final int MAX_WRITE = 64 * 1024;

    /** Read buffers are per thread: reads happen under the connection lock and never outlive the call. */
    private static final ThreadLocal<byte[]> READ_BUFFERS = new ThreadLocal<>();

    /** Which timeout fired. */
    protected enum Timeout {
        /** Nothing was read or written for {@link HandlerOptions#idleTimeout()}. */
        IDLE,
        /** The peer sent nothing within {@link HandlerOptions#firstByteTimeout()} of the switch. */
        FIRST_BYTE
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger startGate = new AtomicInteger(2);
    private final AtomicBoolean finished = new AtomicBoolean();

    private HandlerContext context;
    private HandlerOptions options = HandlerOptions.DEFAULT;
    private WebConnection connection;
    private ServletInputStream in;
    private ServletOutputStream out;

    // Guarded by lock.
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>(4);
    private long pendingBytes;
    private boolean started;
    private boolean inReadLoop;
    private boolean inputEnded;
    private boolean inputSuspended;
    private boolean backlogged;
    private boolean closing;
    private boolean closed;
    private Throwable closeCause;
    private ScheduledFuture<?> timer;
    private long startNanos;

    private volatile long lastActivityNanos;
    private volatile boolean firstByteSeen;

    // ------------------------------------------------------------------ subclass hooks

    /** The connection is open; may write. Runs before the first {@link #onInput}. */
    protected void onOpen() throws IOException {
    }

    /**
     * Bytes from the peer. {@code data} is only valid during the call: copy what you keep.
     * Throwing closes the connection.
     */
    protected abstract void onInput(ByteBuffer data) throws IOException;

    /**
     * The peer has finished sending (end of stream or half-close). The default closes the
     * connection once queued output is written; override to keep writing first.
     */
    protected void onInputClosed() throws IOException {
        close();
    }

    /** Queued output fell back below the limit after {@link #write} returned false. */
    protected void onWritable() throws IOException {
    }

    /** A timeout fired. The default closes the connection at once. */
    protected void onTimeout(Timeout timeout) {
        Duration limit = timeout == Timeout.IDLE ? options.idleTimeout() : options.firstByteTimeout();
        abort(new TimeoutException(timeout == Timeout.IDLE
                ? "idle for " + limit.toMillis() + " ms" : "no data within " + limit.toMillis() + " ms of the switch"));
    }

    /**
     * The connection is closed; runs exactly once.
     *
     * @param cause why, or null for an orderly close
     */
    protected void onClosed(Throwable cause) {
    }

    // ------------------------------------------------------------------ services

    /**
     * Queues {@code data} for the peer (copied if it cannot be written at once).
     *
     * @return false if queued output is over the limit: wait for {@link #onWritable()} before
     *     writing more. Data written after {@link #close()} is discarded and false is returned.
     */
    public final boolean write(ByteBuffer data) {
        if (data.hasArray()) {
            int n = data.remaining();
            boolean ok = write(data.array(), data.arrayOffset() + data.position(), n);
            data.position(data.position() + n);
            return ok;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        return write(copy, 0, copy.length);
    }

    /** See {@link #write(ByteBuffer)}. */
    public final boolean write(byte[] b, int off, int len) {
        lock.lock();
        try {
            if (closing || closed) {
                return false;
            }
            if (pending.isEmpty() && started) {
                while (len > 0 && out.isReady()) {
                    int n = Math.min(len, MAX_WRITE);
                    out.write(b, off, n);
                    sent(n);
                    off += n;
                    len -= n;
                }
                flushIfReady();
            }
            if (len > 0) {
                byte[] chunk = new byte[len];
                System.arraycopy(b, off, chunk, 0, len);
                pending.add(chunk);
                pendingBytes += len;
                if (pendingBytes > options.maxPendingOutput()) {
                    backlogged = true;
                }
            }
            return !backlogged;
        } catch (IOException | RuntimeException e) {
            abort(e);
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops reading from the peer until {@link #resumeInput()}: flow control for relays. */
    public final void suspendInput() {
        lock.lock();
        try {
            inputSuspended = true;
        } finally {
            lock.unlock();
        }
    }

    /** Resumes reading after {@link #suspendInput()}; may deliver input on the calling thread. */
    public final void resumeInput() {
        lock.lock();
        try {
            inputSuspended = false;
            if (started) {
                readLoop();
            }
        } catch (IOException | RuntimeException e) {
            abort(e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether queued output is over the limit. */
    public final boolean isBacklogged() {
        lock.lock();
        try {
            return backlogged;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection once queued output is written. Idempotent; any thread. */
    public final void close() {
        lock.lock();
        try {
            if (closing || closed) {
                return;
            }
            closing = true;
            if (!started || (pending.isEmpty() && out.isReady())) {
                closeNow(null);
            }
        } catch (RuntimeException e) {
            closeNow(e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection now, discarding queued output. Idempotent; any thread. */
    public final void abort(Throwable cause) {
        lock.lock();
        try {
            closeNow(cause);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the connection has been closed (or is closing). */
    public final boolean isClosed() {
        lock.lock();
        try {
            return closing || closed;
        } finally {
            lock.unlock();
        }
    }

    /** The request content that was read before the switch; empty when there was none. */
    protected final byte[] requestContent() {
        return context == null ? new byte[0] : context.content().clone();
    }

    /** The limits in force for this connection. */
    protected final HandlerOptions options() {
        return options;
    }

    /**
     * Replaces the limits for this connection. Call from the switch's setup, before the
     * connection starts.
     */
    public final void useOptions(HandlerOptions options) {
        lock.lock();
        try {
            if (started) {
                throw new IllegalStateException("the connection has already started");
            }
            this.options = options;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code task} after {@code delay}, serialised with the other callbacks, unless the
     * connection has closed by then. For protocol timers such as a handshake deadline.
     */
    protected final ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        if (context == null) {
            throw new IllegalStateException("not switched through UpgradeFilter");
        }
        return context.scheduler().schedule(() -> {
            lock.lock();
            try {
                if (!closed && !closing) {
                    task.run();
                }
            } catch (RuntimeException e) {
                closeNow(e);
            } finally {
                lock.unlock();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public final void init(WebConnection wc) {
        this.connection = wc;
        if (startGate.decrementAndGet() == 0) {
            start();
        }
    }

    /** Called by {@link Switcher} right after {@code request.upgrade()}. */
    final void attach(HandlerContext ctx) {
        this.context = ctx;
        this.options = ctx.options();
    }

    /**
     * Starts this handler after a switch that {@link UpgradeFilter} did not make: for a filter
     * that calls {@code request.upgrade()} itself, such as a relay that may only switch once a
     * backend has answered 101. Gives the handler what {@code UpgradeFilter} would (the
     * counters of its protocol, which count this switch as an upgrade, its limits and the
     * thread that runs its timeouts); the handler starts once the container has also called
     * {@link #init(WebConnection)}.
     *
     * <p>Call exactly once, on the request thread, right after {@code request.upgrade()}
     * returned this instance and after configuring it.
     *
     * @throws IllegalStateException if the handler was already switched or started
     */
    public final void startSwitched(ProtocolStatistics statistics, HandlerOptions options,
            ScheduledExecutorService scheduler) {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scheduler, "scheduler");
        if (context != null) {
            throw new IllegalStateException("the handler was already switched");
        }
        attach(new HandlerContext(statistics, options, new byte[0], scheduler));
        statistics.upgraded();
        configured();
    }

    /** Called by {@link Switcher} after the protocol's setup has run. */
    final void configured() {
        if (startGate.decrementAndGet() == 0) {
            start();
        }
    }

    @Override
    public final void destroy() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                discardState();
            }
        } finally {
            lock.unlock();
        }
        finish(closeCause);
    }

    private void start() {
        lock.lock();
        try {
            if (closed) {
                // Closed during setup, before the container handed over the connection.
                ConnectionCloser.close(connection);
                return;
            }
            in = connection.getInputStream();
            out = connection.getOutputStream();
            started = true;
            if (context != null) {
                context.statistics().connectionOpened();
            }
            startNanos = System.nanoTime();
            lastActivityNanos = startNanos;
            armTimer();
            out.setWriteListener(new Writer());
            onOpen();
            if (!closed) {
                in.setReadListener(new Reader());
            }
        } catch (IOException | RuntimeException e) {
            closeNow(e);
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ I/O, all under lock

    private void readLoop() throws IOException {
        if (inReadLoop) {
            return;
        }
        inReadLoop = true;
        try {
            byte[] buffer = readBuffer();
            while (!closing && !closed && !inputEnded && !inputSuspended && !backlogged) {
                if (!in.isReady()) {
                    return; // the container calls onDataAvailable when more arrives
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    endOfInput();
                    return;
                }
                if (n > 0) {
                    firstByteSeen = true;
                    lastActivityNanos = System.nanoTime();
                    if (context != null) {
                        context.statistics().received(n);
                    }
                    onInput(ByteBuffer.wrap(buffer, 0, n));
                }
            }
        } finally {
            inReadLoop = false;
        }
    }

    private byte[] readBuffer() {
        byte[] buffer = READ_BUFFERS.get();
        if (buffer == null || buffer.length < options.readBufferSize()) {
            buffer = new byte[options.readBufferSize()];
            READ_BUFFERS.set(buffer);
        }
        return buffer;
    }

    private void endOfInput() throws IOException {
        if (inputEnded) {
            return;
        }
        inputEnded = true;
        if (!closed) {
            onInputClosed();
        }
    }

    private void drain() throws IOException {
        while (!pending.isEmpty()) {
            if (!out.isReady()) {
                return; // the container calls onWritePossible when the peer takes more
            }
            byte[] chunk = pending.poll();
            out.write(chunk);
            sent(chunk.length);
            pendingBytes -= chunk.length;
            if (backlogged && pendingBytes <= options.maxPendingOutput() / 2) {
                backlogged = false;
                if (!closing) {
                    onWritable();
                    readLoop();
                }
            }
        }
        if (!flushIfReady()) {
            return;
        }
        if (closing && !closed && out.isReady()) {
            closeNow(null);
        }
    }

    /**
     * Containers may hold written bytes in a buffer until a flush (Tomcat does); flushing is
     * only allowed while the stream is ready. Returns whether the stream was ready.
     */
    private boolean flushIfReady() throws IOException {
        if (closed || !out.isReady()) {
            return false; // the container calls onWritePossible, and drain() flushes then
        }
        out.flush();
        return true;
    }

    private void sent(int n) {
        lastActivityNanos = System.nanoTime();
        if (context != null) {
            context.statistics().sent(n);
        }
    }

    private void closeNow(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        closeCause = cause;
        discardState();
        if (cause != null) {
            LOG.log(cause instanceof IOException || cause instanceof TimeoutException ? Level.FINE : Level.WARNING,
                    "Closing upgraded connection: " + cause, cause);
        }
        if (connection != null) {
            ConnectionCloser.close(connection);
        }
        finish(cause);
    }

    private void discardState() {
        pending.clear();
        pendingBytes = 0;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void finish(Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (started && context != null) {
            context.statistics().connectionClosed();
        }
        try {
            onClosed(cause);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "onClosed failed", e);
        }
    }

    // ------------------------------------------------------------------ timeouts

    private void armTimer() {
        long idle = options.idleTimeout().toNanos();
        long first = options.firstByteTimeout().toNanos();
        if (context == null || (idle == 0 && first == 0)) {
            return;
        }
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        if (first > 0 && !firstByteSeen) {
            next = Math.min(next, startNanos + first - now);
        }
        if (idle > 0) {
            next = Math.min(next, lastActivityNanos + idle - now);
        }
        try {
            timer = context.scheduler().schedule(this::checkTimeouts, Math.max(next, 0), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Timeouts not armed: the filter has stopped", e);
        }
    }

    private void checkTimeouts() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            timer = null;
            long now = System.nanoTime();
            long first = options.firstByteTimeout().toNanos();
            long idle = options.idleTimeout().toNanos();
            if (first > 0 && !firstByteSeen && now - startNanos >= first) {
                onTimeout(Timeout.FIRST_BYTE);
            } else if (idle > 0 && now - lastActivityNanos >= idle) {
                onTimeout(Timeout.IDLE);
            }
            if (!closed) {
                armTimer();
            }
        } catch (RuntimeException e) {
            closeNow(e);
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ container callbacks

    private final class Reader implements ReadListener {
        @Override
        public void onDataAvailable() {
            lock.lock();
            try {
                readLoop();
            } catch (IOException | RuntimeException e) {
                closeNow(e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onAllDataRead() {
            lock.lock();
            try {
                endOfInput();
            } catch (IOException | RuntimeException e) {
                closeNow(e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onError(Throwable t) {
            lock.lock();
            try {
                if (t instanceof EOFException) {
                    endOfInput(); // Tomcat reports a half-close this way
                } else {
                    closeNow(t);
                }
            } catch (IOException | RuntimeException e) {
                closeNow(e);
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Writer implements WriteListener {
        @Override
        public void onWritePossible() {
            lock.lock();
            try {
                if (!closed) {
                    drain();
                }
            } catch (IOException | RuntimeException e) {
                closeNow(e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onError(Throwable t) {
            abort(t);
        }
    }
}
