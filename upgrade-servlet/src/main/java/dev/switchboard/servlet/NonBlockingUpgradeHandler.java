package dev.switchboard.servlet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.internal.ConnectionCloser;
import dev.switchboard.servlet.internal.IdleTimer;
import dev.switchboard.servlet.internal.InputGate;
import dev.switchboard.servlet.internal.OutputQueue;
import dev.switchboard.servlet.internal.SerialExecutor;
import dev.switchboard.servlet.internal.TomcatSocket;
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
 *       {@code onWritable}, {@code onTimeout}, {@code onClosed} and {@link #schedule} tasks
 *       run one at a time, in order, on a per-connection {@link SerialExecutor}: never
 *       concurrently, never nested. {@code write}, {@code close}, {@code resumeInput} may be
 *       called from any thread, including from another connection's callbacks: no call ever
 *       waits for a lock held by someone else's callback, so connections that relay to each
 *       other cannot deadlock.</li>
 *   <li><b>Back-pressure.</b> Output that the peer does not take yet is queued; past
 *       {@link HandlerOptions#maxPendingOutput()} bytes, {@code write} returns false and
 *       reading stops until the queue is down to half, so a slow reader slows its writer and
 *       memory stays bounded. A handler that writes to <em>another</em> connection stops its
 *       own input with {@link #suspendInputUntilWritable} when that write returns false:
 *       <pre>
 * protected void onInput(ByteBuffer data) {
 *     if (!peer.write(data)) {
 *         suspendInputUntilWritable(peer); // reading resumes when peer's queue is down to half
 *     }
 * }</pre>
 *       The older pair, {@link #suspendInput()} here and {@link #resumeInput()} from the
 *       other side's {@link #onWritable()}, is race-free too: a resume that arrives before
 *       the suspension it answers is remembered.</li>
 *   <li><b>Timeouts.</b> An idle timeout and a first-byte timeout, since containers give
 *       upgraded connections none.</li>
 *   <li><b>A close that closes</b>, from any thread, on every container (see
 *       {@link ConnectionCloser}).</li>
 *   <li><b>Half-close.</b> The peer's end of input (including Tomcat's
 *       {@code EOFException} in {@code onError}) arrives as {@link #onInputClosed()}.</li>
 * </ul>
 *
 * <p>A handler starts when both the container has called {@link #init(WebConnection)} and
 * {@link UpgradeFilter} has configured it, whichever comes last: Tomcat calls {@code init}
 * after the filter returns, and so does Jetty 12.1.8 (with or without Switchboard's Jetty
 * adapter); earlier Jetty 12.1 builds called it inside {@code request.upgrade()}. Switch to it with
 * {@link Decision#switchTo(Class, java.util.function.Consumer)}. Subclasses need a public
 * no-argument constructor.
 */
public abstract class NonBlockingUpgradeHandler implements HttpUpgradeHandler {

    private static final Logger LOG = Logger.getLogger(NonBlockingUpgradeHandler.class.getName());

    /**
     * Read buffers are per thread and taken out while in use: reads never outlive the call
     * that delivers them, and a read loop that runs inside another (one connection resuming
     * another from its callback) takes a buffer of its own.
     */
    private static final ThreadLocal<byte[]> READ_BUFFERS = new ThreadLocal<>();

    /** Which timeout fired. */
    protected enum Timeout {
        /** Nothing was read or written for {@link HandlerOptions#idleTimeout()}. */
        IDLE,
        /** The peer sent nothing within {@link HandlerOptions#firstByteTimeout()} of the switch. */
        FIRST_BYTE
    }

    private final SerialExecutor serial = new SerialExecutor(this::abort);
    private final InputGate gate = new InputGate();
    private final OutputQueue output = new OutputQueue(HandlerOptions.DEFAULT.maxPendingOutput(), this::sent);
    private final AtomicInteger startGate = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    /** Whether this connection is counted as active: set once by the start, cleared once by the close. */
    private final AtomicBoolean counted = new AtomicBoolean();
    /** {@link System#nanoTime()} when counted as active; published by {@link #counted}. */
    private long openedAt;

    private volatile HandlerContext context;
    private volatile HandlerOptions options = HandlerOptions.DEFAULT;
    private volatile WebConnection connection;
    private volatile IdleTimer timer;
    private volatile boolean started;
    private volatile boolean closing;
    private volatile Throwable closeCause;
    /**
     * Tomcat's socket, when the container is Tomcat: its upgraded input may only be read on
     * its own read callback ({@code isReady()} elsewhere races with its dispatch over the read
     * buffer), so resuming means asking it for a callback. Null elsewhere, where the servlet
     * contract holds: input may be read from any thread, and a reader that stopped calls
     * {@code isReady()} again to be called back.
     */
    private volatile TomcatSocket tomcat;

    // Touched only on the serial executor.
    private ServletInputStream in;
    private boolean inputEnded;

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
     * Queues {@code data} for the peer (copied if it cannot be written at once). Any thread.
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
        try {
            return output.write(b, off, len) == OutputQueue.Accepted.OK;
        } catch (IOException | RuntimeException e) {
            abort(e);
            return false;
        }
    }

    /**
     * Stops reading from the peer until {@link #resumeInput()}: flow control for relays. At
     * most the input being delivered when this is called still arrives. Any thread.
     *
     * <p>If a {@code resumeInput()} arrived while input was not suspended, this call uses it
     * up and input goes on: that resume answered this suspension early (the connection written
     * to drained on another thread between a write that returned false and this call). So
     * call {@code resumeInput()} only to answer a suspension.
     */
    public final void suspendInput() {
        gate.suspend();
    }

    /**
     * Resumes reading after {@link #suspendInput()}, or, if input is not suspended, lets the
     * next {@code suspendInput()} pass (see there). May deliver input on the calling thread.
     * Any thread.
     */
    public final void resumeInput() {
        if (gate.resume()) {
            readAgain();
        }
    }

    /**
     * Stops reading from the peer until {@code target}, a connection this handler writes to,
     * can take more: its queued output is down to half its limit, or it has closed. Does
     * nothing if {@code target} can take more already. Call it when a write to {@code target}
     * returned false; at most the input being delivered still arrives. Any thread.
     *
     * <p>The check of {@code target}'s queue and the registration of the wake-up are one step
     * under that queue's lock, so the wake-up cannot be lost however the threads of the two
     * connections interleave. Waits for several targets add up: input flows again when all of
     * them can take more (and no {@link #suspendInput()} holds it).
     */
    public final void suspendInputUntilWritable(NonBlockingUpgradeHandler target) {
        Objects.requireNonNull(target, "target");
        gate.await();
        if (!target.output.whenWritable(this::writableTarget)) {
            boolean open = gate.released();
            if (open && !serial.inExecutor()) {
                readAgain(); // a read loop on another thread may have seen the wait
            }
        }
    }

    /** A connection waited for by {@link #suspendInputUntilWritable} can take more. */
    private void writableTarget() {
        if (gate.released()) {
            readAgain();
        }
    }

    /** Whether queued output is over the limit. */
    public final boolean isBacklogged() {
        return output.isBacklogged();
    }

    /** Closes the connection once queued output is written. Idempotent; any thread. */
    public final void close() {
        if (closing || closed.get()) {
            return;
        }
        closing = true;
        try {
            if (output.closeWhenFlushed()) {
                closeNow(null);
            }
        } catch (IOException | RuntimeException e) {
            closeNow(e);
        }
    }

    /** Closes the connection now, discarding queued output. Idempotent; any thread. */
    public final void abort(Throwable cause) {
        closeNow(cause);
    }

    /** Whether the connection has been closed (or is closing). */
    public final boolean isClosed() {
        return closing || closed.get();
    }

    /** The request content that was read before the switch; empty when there was none. */
    protected final byte[] requestContent() {
        HandlerContext ctx = context;
        return ctx == null ? new byte[0] : ctx.content().clone();
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
        if (started) {
            throw new IllegalStateException("the connection has already started");
        }
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs {@code task} after {@code delay} on the serial executor, unless the connection has
     * closed by then. For protocol timers such as a handshake deadline.
     */
    protected final ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        HandlerContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("not switched through UpgradeFilter");
        }
        return ctx.scheduler().schedule(() -> serial.execute(() -> {
            if (!isClosed()) {
                task.run();
            }
        }), nanos(delay), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs {@code task} now, on the calling thread, serialised with the other callbacks,
     * unless the connection has closed. For events that come from outside the container, such
     * as a backend channel of a relaying protocol becoming readable: the task may read and
     * write protocol state without locks of its own. The caller waits while another callback
     * runs (see {@link SerialExecutor#executeAndWait}); called from one of this connection's
     * callbacks, the task runs right after it instead. Throwing closes the connection.
     *
     * @return whether the task ran
     */
    protected final boolean runSerialized(Runnable task) {
        if (isClosed()) {
            return false;
        }
        serial.executeAndWait(() -> {
            if (!isClosed()) {
                task.run();
            }
        });
        return true;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public final void init(WebConnection wc) {
        this.connection = wc;
        if (startGate.decrementAndGet() == 0) {
            serial.execute(this::start);
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
            serial.execute(this::start);
        }
    }

    @Override
    public final void destroy() {
        if (closed.compareAndSet(false, true)) {
            discard();
        }
        finish(closeCause);
    }

    /** Runs on the serial executor once both {@code init} and the configuration have happened. */
    private void start() throws IOException {
        WebConnection wc = connection;
        HandlerContext ctx = context;
        started = true;
        openedAt = System.nanoTime(); // before the flag that publishes it
        if (ctx != null && !closed.get() && counted.compareAndSet(false, true)) {
            ctx.statistics().connectionOpened();
        }
        // Checked after publishing started: a close from now on closes the connection itself.
        if (closed.get()) {
            ConnectionCloser.close(wc); // closed during setup, before the container handed it over
            uncount();
            return;
        }
        in = wc.getInputStream();
        tomcat = TomcatSocket.of(wc);
        ServletOutputStream out = wc.getOutputStream();
        IdleTimer t = new IdleTimer(ctx == null ? null : ctx.scheduler(), serial, options.idleTimeout(),
                options.firstByteTimeout(), firstByte -> onTimeout(firstByte ? Timeout.FIRST_BYTE : Timeout.IDLE));
        timer = t;
        t.start();
        out.setWriteListener(new Writer());
        output.start(out, options.maxPendingOutput());
        writable(); // anything queued before the start
        onOpen();
        if (!closed.get()) {
            in.setReadListener(new Reader());
        }
    }

    // ------------------------------------------------------------------ I/O

    /** Reads and delivers input until none is ready or reading must pause. Serial executor only. */
    private void readLoop() throws IOException {
        if (!started || inputEnded) {
            return;
        }
        byte[] buffer = READ_BUFFERS.get();
        READ_BUFFERS.set(null);
        if (buffer == null || buffer.length < options.readBufferSize()) {
            buffer = new byte[options.readBufferSize()];
        }
        try {
            while (!isClosed() && !inputEnded && gate.isOpen() && !output.isBacklogged()) {
                if (!in.isReady()) {
                    return; // the container calls onDataAvailable when more arrives
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    endOfInput();
                    return;
                }
                if (n > 0) {
                    timer.received();
                    HandlerContext ctx = context;
                    if (ctx != null) {
                        ctx.statistics().received(n);
                    }
                    onInput(ByteBuffer.wrap(buffer, 0, n));
                }
            }
        } finally {
            READ_BUFFERS.set(buffer);
        }
    }

    /**
     * Reading may go on (resumed, or no longer backlogged): read now where any thread may,
     * else have Tomcat call back on its own thread.
     */
    private void readAgain() {
        TomcatSocket socket = tomcat;
        if (socket == null) {
            serial.execute(this::readLoop);
        } else if (started && !isClosed()) {
            socket.dispatchRead();
        }
    }

    /** Serial executor only. */
    private void endOfInput() throws IOException {
        if (inputEnded) {
            return;
        }
        inputEnded = true;
        if (!closed.get()) {
            onInputClosed();
        }
    }

    /** The container's stream can take more: drain the queue, then act on what that changed. */
    private void writable() {
        OutputQueue.Drained drained;
        try {
            drained = output.drain();
        } catch (IOException | RuntimeException e) {
            closeNow(e);
            return;
        }
        drained.waiters().forEach(Runnable::run);
        if (drained.flushed()) {
            closeNow(null);
        } else if (drained.unblocked()) {
            serial.execute(() -> {
                if (!isClosed()) {
                    onWritable();
                    readAgain();
                }
            });
        }
    }

    private void sent(int n) {
        IdleTimer t = timer;
        if (t != null) {
            t.sent();
        }
        HandlerContext ctx = context;
        if (ctx != null) {
            ctx.statistics().sent(n);
        }
    }

    /** Closes at once from any thread; {@link #onClosed} follows on the serial executor. */
    private void closeNow(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        discard();
        if (cause != null) {
            LOG.log(cause instanceof IOException || cause instanceof TimeoutException ? Level.FINE : Level.WARNING,
                    "Closing upgraded connection: " + cause, cause);
        }
        WebConnection wc = connection;
        if (wc != null) {
            ConnectionCloser.close(wc);
        }
        finish(cause);
    }

    private void discard() {
        output.discard().forEach(Runnable::run); // connections waiting for this one go on
        IdleTimer t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    private void finish(Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        uncount();
        serial.execute(() -> {
            try {
                onClosed(cause);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "onClosed failed", e);
            }
        });
    }

    private void uncount() {
        HandlerContext ctx = context;
        if (ctx != null && counted.compareAndSet(true, false)) {
            ctx.statistics().connectionClosed(Duration.ofNanos(System.nanoTime() - openedAt));
        }
    }

    /** {@code d} in nanoseconds; a duration too long to count that way (292 years or more) is forever. */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    // ------------------------------------------------------------------ container callbacks

    private final class Reader implements ReadListener {
        @Override
        public void onDataAvailable() {
            TomcatSocket socket = tomcat;
            if (socket == null) {
                serial.execute(NonBlockingUpgradeHandler.this::readLoop);
            } else if (!serial.tryExecuteNow(NonBlockingUpgradeHandler.this::readLoop)) {
                // Another thread runs this connection's callbacks and may not read Tomcat's
                // input: ask Tomcat for another read callback once it is done.
                serial.execute(socket::dispatchRead);
            }
        }

        @Override
        public void onAllDataRead() {
            serial.execute(NonBlockingUpgradeHandler.this::endOfInput);
        }

        @Override
        public void onError(Throwable t) {
            if (t instanceof EOFException) {
                serial.execute(NonBlockingUpgradeHandler.this::endOfInput); // Tomcat reports a half-close this way
            } else {
                closeNow(t);
            }
        }
    }

    private final class Writer implements WriteListener {
        @Override
        public void onWritePossible() {
            if (!closed.get()) {
                writable();
            }
        }

        @Override
        public void onError(Throwable t) {
            closeNow(t);
        }
    }
}
