package dev.switchboard.servlet.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.container.Transport;

/**
 * The connection engine of one upgraded connection: runs its {@link UpgradeSession} on a
 * {@link Transport}. It wires the jobs together, each in a class of its own: the
 * {@link SerialExecutor} that runs every callback in order, the {@link ReadLoop}, the
 * {@link OutputQueue} with its back-pressure rule, the {@link InputHolds} of flow control
 * across connections, the {@link IdleTimer} and the {@link Closing}; the session reaches them
 * through its {@link ConnectionHandle}.
 *
 * <p>Life: built at the switch with its {@link SessionSetup}; {@link #open()} builds the
 * session right away; {@link #start} once the container has handed the connection over;
 * {@link Transport.Events#closed()} or a close ends it. Thread-safe.
 */
public final class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    private final SessionSetup setup;
    private final SerialExecutor serial = new SerialExecutor(this::abort);
    /** The read, as the task every readiness event hands the executor; one instance for them all. */
    private final SerialExecutor.Task readTask = this::read;
    private final OutputQueue output;
    private final InputHolds holds = new InputHolds(this::readAgain);
    private final Closing closing;
    private final ConnectionHandle handle;
    private final Transport.Events events = new Events();
    private volatile Transport transport;
    private volatile IdleTimer timer;

    // Touched only on the serial executor.
    private UpgradeSession session;
    private ReadLoop reader;

    public Engine(SessionSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.output = new OutputQueue(setup.limits().maxPendingOutput(), this::sent);
        this.closing = new Closing(this::release, this::finish, setup.statistics()::connectionOpened,
                setup.statistics()::connectionClosed, setup.clock());
        this.handle = new ConnectionHandle(setup, serial, output, holds, closing, () -> transport);
    }

    /** The limits and write settings of the connection. */
    public HandlerOptions limits() {
        return setup.limits();
    }

    /** Builds the session, on the calling thread; a factory that fails aborts the connection. */
    public void open() {
        serial.execute(() -> session = Objects.requireNonNull(setup.factory().create(handle),
                "the session factory returned null"));
    }

    /** The container has handed the connection over on {@code t}: starts the session on it. */
    public void start(Transport t) {
        serial.execute(() -> begin(t));
    }

    /** What the transport reports; every event may come on any thread. */
    public Transport.Events events() {
        return events;
    }

    private void begin(Transport t) throws IOException {
        transport = t;
        if (!closing.attach(t)) {
            return;
        }
        setup.statistics().carriedBy(t.name());
        HandlerOptions limits = setup.limits();
        IdleTimer idle = new IdleTimer(setup.scheduler(), serial, limits.idleTimeout(), limits.firstByteTimeout(),
                this::expired, setup.clock());
        timer = idle;
        idle.start();
        reader = new ReadLoop(t, limits.readBufferSize(), new Delivery());
        t.start(events);
        output.start(t);
        drain(); // what was written before the start
        if (!closing.isClosing()) {
            session.onOpen();
        }
    }

    /** Closes now, discarding queued output: what a task that throws leads to. */
    private void abort(Throwable cause) {
        closing.now(cause);
    }

    private boolean isClosed() {
        return closing.isClosing();
    }

    /** Input may flow again (released, or no longer backlogged): have the transport call back. */
    private void readAgain() {
        Transport t = transport;
        if (t != null && !isClosed()) {
            t.requestRead();
        }
    }

    private void read() throws IOException {
        if (reader != null) {
            reader.run();
        }
    }

    /** The transport can take more: write what is queued, then act on what that changed. */
    private void drain() {
        OutputQueue.Drained drained;
        try {
            drained = output.drain();
        } catch (IOException | RuntimeException e) {
            abort(e);
            return;
        }
        drained.waiters().forEach(Runnable::run);
        if (drained.closable()) {
            closing.now(null);
        } else if (drained.unblocked()) {
            serial.execute(() -> {
                if (!isClosed()) {
                    session.onWritable();
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
        setup.statistics().sent(n);
    }

    /** A deadline of the idle timer passed; serial executor. */
    private void expired(boolean firstByte) {
        UpgradeSession.Timeout which = firstByte ? UpgradeSession.Timeout.FIRST_BYTE : UpgradeSession.Timeout.IDLE;
        if (session.onTimeout(which) == UpgradeSession.Then.CLOSE) {
            Duration limit = firstByte ? setup.limits().firstByteTimeout() : setup.limits().idleTimeout();
            abort(new TimeoutException(firstByte ? "no data within " + limit.toMillis() + " ms of the switch"
                    : "idle for " + limit.toMillis() + " ms"));
        }
    }

    /** Part of the close: connections waiting for this one's output go on; timers stop. */
    private void release() {
        output.discard().forEach(Runnable::run);
        IdleTimer t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    /** The last step of the close: the session is told, on the serial executor. */
    private void finish(Throwable cause) {
        serial.execute(() -> {
            try {
                if (session != null) {
                    session.onClosed(cause);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "onClosed failed", e);
            }
        });
    }

    /** Input, delivered to the session by the read loop. */
    private final class Delivery implements ReadLoop.Sink {
        @Override
        public boolean mayRead() {
            return !isClosed() && holds.isOpen() && !output.isBacklogged();
        }

        @Override
        public void input(ByteBuffer data) throws IOException {
            timer.received();
            setup.statistics().received(data.remaining());
            session.onInput(data);
        }

        @Override
        public void ended() throws IOException {
            if (!closing.isClosed() && session.onInputClosed() == UpgradeSession.Then.CLOSE) {
                handle.close();
            }
        }
    }

    /** What the transport reports, from any of its threads. */
    private final class Events implements Transport.Events {
        @Override
        public void readable() {
            Transport t = transport;
            if (t == null || !t.confinedReads()) {
                serial.execute(readTask);
            } else if (!serial.tryExecuteNow(readTask)) {
                // Another thread runs this connection's callbacks, and may not read this
                // transport: ask for another callback once it is done.
                serial.execute(t::requestRead);
            }
        }

        @Override
        public void inputEnded() {
            serial.execute(() -> {
                if (reader != null) {
                    reader.end();
                }
            });
        }

        @Override
        public void writable() {
            if (!closing.isClosed()) {
                drain();
            }
        }

        @Override
        public void failed(Throwable cause) {
            abort(cause);
        }

        @Override
        public void closed() {
            closing.released();
        }
    }
}
