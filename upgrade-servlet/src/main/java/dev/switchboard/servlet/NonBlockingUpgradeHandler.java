package dev.switchboard.servlet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;

import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.internal.engine.Engine;
import dev.switchboard.servlet.internal.engine.SessionSetup;
import dev.switchboard.servlet.internal.transport.Handover;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * The former base class of protocols, kept while protocols move to {@link UpgradeSession}:
 * a handler created by the container and configured afterwards, run by the same connection
 * engine as a session. New protocols implement {@link UpgradeSession} and switch with
 * {@link Decision#switchTo(UpgradeSession.Factory)}.
 */
public abstract class NonBlockingUpgradeHandler implements HttpUpgradeHandler {

    /** Which timeout fired. */
    protected enum Timeout {
        /** Nothing was read or written for {@link HandlerOptions#idleTimeout()}. */
        IDLE,
        /** The peer sent nothing within {@link HandlerOptions#firstByteTimeout()} of the switch. */
        FIRST_BYTE
    }

    private final Handover handover = new Handover();
    private volatile HandlerOptions options = HandlerOptions.DEFAULT;
    private volatile UpgradedConnection connection;
    private volatile ProtocolStatistics statistics;
    private volatile byte[] content = new byte[0];
    private volatile ScheduledExecutorService scheduler;
    private volatile ContainerSupport container;
    private volatile boolean bound;
    private UpgradedConnection.InputHold hold; // guarded by this
    private boolean resumeAhead; // guarded by this

    // ------------------------------------------------------------------ subclass hooks

    protected void onOpen() throws IOException {
    }

    protected abstract void onInput(ByteBuffer data) throws IOException;

    protected void onInputClosed() throws IOException {
        close();
    }

    protected void onWritable() throws IOException {
    }

    protected void onTimeout(Timeout timeout) {
        Duration limit = timeout == Timeout.IDLE ? options.idleTimeout() : options.firstByteTimeout();
        abort(new TimeoutException(timeout == Timeout.IDLE
                ? "idle for " + limit.toMillis() + " ms" : "no data within " + limit.toMillis() + " ms of the switch"));
    }

    protected void onClosed(Throwable cause) {
    }

    // ------------------------------------------------------------------ services

    public final boolean write(ByteBuffer data) {
        UpgradedConnection c = connection;
        return c != null && c.write(data);
    }

    public final boolean write(byte[] b, int off, int len) {
        return write(ByteBuffer.wrap(b, off, len));
    }

    /** Stops input until {@link #resumeInput()}; a resume that came first is used up instead. */
    public final void suspendInput() {
        synchronized (this) {
            if (resumeAhead) {
                resumeAhead = false;
            } else if (hold == null && connection != null) {
                hold = connection.suspendInput();
            }
        }
    }

    /** Resumes input after {@link #suspendInput()}, or lets the next one pass. */
    public final void resumeInput() {
        UpgradedConnection.InputHold h;
        synchronized (this) {
            h = hold;
            hold = null;
            if (h == null) {
                resumeAhead = true;
                return;
            }
        }
        h.release();
    }

    public final void suspendInputUntilWritable(NonBlockingUpgradeHandler target) {
        Objects.requireNonNull(target, "target");
        UpgradedConnection c = connection;
        UpgradedConnection t = target.connection;
        if (c != null && t != null) {
            c.suspendInputUntilWritable(t);
        }
    }

    public final boolean isBacklogged() {
        UpgradedConnection c = connection;
        return c != null && c.isBacklogged();
    }

    public final void close() {
        UpgradedConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    public final void abort(Throwable cause) {
        UpgradedConnection c = connection;
        if (c != null) {
            c.abort(cause);
        }
    }

    public final boolean isClosed() {
        UpgradedConnection c = connection;
        return c != null && c.isClosed();
    }

    protected final byte[] requestContent() {
        return content.clone();
    }

    protected final HandlerOptions options() {
        return options;
    }

    public final void useOptions(HandlerOptions limits) {
        if (bound) {
            throw new IllegalStateException("the connection has already started");
        }
        this.options = Objects.requireNonNull(limits, "options");
    }

    protected final ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        UpgradedConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("not switched through UpgradeFilter");
        }
        return c.schedule(task, delay);
    }

    protected final boolean runSerialized(Runnable task) {
        UpgradedConnection c = connection;
        return c != null && c.runSerially(task);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public final void init(WebConnection wc) {
        handover.connected(wc);
    }

    @Override
    public final void destroy() {
        handover.released();
    }

    /** Remembers what {@link UpgradeFilter} gives the handler; it starts at {@link #configured()}. */
    final void attach(ProtocolStatistics stats, HandlerOptions limits, byte[] requestContent,
            ScheduledExecutorService timers, ContainerSupport support) {
        this.statistics = stats;
        this.options = limits;
        this.content = requestContent;
        this.scheduler = timers;
        this.container = support;
    }

    public final void startSwitched(ProtocolStatistics stats, HandlerOptions limits, ScheduledExecutorService timers) {
        Objects.requireNonNull(stats, "statistics");
        Objects.requireNonNull(timers, "scheduler");
        if (statistics != null) {
            throw new IllegalStateException("the handler was already switched");
        }
        attach(stats, Objects.requireNonNull(limits, "options"), new byte[0], timers, ContainerSupport.of(null));
        stats.upgraded();
        configured();
    }

    /** Called by the switch once the protocol's setup has run. */
    final void configured() {
        bound = true;
        handover.bind(new Engine(new SessionSetup(c -> {
            connection = c;
            return new Adapter();
        }, statistics, options, content, scheduler)), container);
    }

    /** The handler's hooks as a session. */
    private final class Adapter implements UpgradeSession {
        @Override
        public void onOpen() throws IOException {
            NonBlockingUpgradeHandler.this.onOpen();
        }

        @Override
        public void onInput(ByteBuffer data) throws IOException {
            NonBlockingUpgradeHandler.this.onInput(data);
        }

        @Override
        public Then onInputClosed() throws IOException {
            NonBlockingUpgradeHandler.this.onInputClosed();
            return Then.STAY_OPEN;
        }

        @Override
        public void onWritable() throws IOException {
            NonBlockingUpgradeHandler.this.onWritable();
        }

        @Override
        public Then onTimeout(UpgradeSession.Timeout timeout) {
            NonBlockingUpgradeHandler.this.onTimeout(NonBlockingUpgradeHandler.Timeout.valueOf(timeout.name()));
            return Then.STAY_OPEN;
        }

        @Override
        public void onClosed(Throwable cause) {
            NonBlockingUpgradeHandler.this.onClosed(cause);
        }
    }
}
