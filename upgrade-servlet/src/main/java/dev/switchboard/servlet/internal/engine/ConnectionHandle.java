package dev.switchboard.servlet.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.WriteTarget;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.nio.LoopBound;
import dev.switchboard.servlet.nio.Reactor;

/**
 * The {@link UpgradedConnection} a session is given: each call goes to the engine's job that
 * does it (the output queue, the input holds, the close, the serial executor). Holds no
 * state of its own. It is {@link LoopBound}: a session of Switchboard's own can find the
 * {@link Reactor} its transport runs on, if any. Thread-safe.
 */
final class ConnectionHandle implements UpgradedConnection, LoopBound {

    private final SessionSetup setup;
    private final SerialExecutor serial;
    private final OutputQueue output;
    private final InputHolds holds;
    private final Closing closing;
    /** The transport, once the container has handed the connection over; null until then. */
    private final Supplier<Transport> transport;

    ConnectionHandle(SessionSetup setup, SerialExecutor serial, OutputQueue output, InputHolds holds, Closing closing,
            Supplier<Transport> transport) {
        this.setup = setup;
        this.serial = serial;
        this.output = output;
        this.holds = holds;
        this.closing = closing;
        this.transport = transport;
    }

    @Override
    public boolean write(ByteBuffer data) {
        try {
            return output.write(data) == OutputQueue.Accepted.OK;
        } catch (IOException | RuntimeException e) {
            abort(e);
            return false;
        }
    }

    @Override
    public boolean write(byte[] b, int off, int len) {
        return write(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public boolean isBacklogged() {
        return output.isBacklogged();
    }

    @Override
    public boolean whenWritable(Runnable wakeUp) {
        return output.whenWritable(wakeUp);
    }

    @Override
    public void close() {
        if (!closing.request()) {
            return;
        }
        try {
            if (output.closeWhenFlushed()) {
                closing.now(null);
            }
        } catch (IOException | RuntimeException e) {
            abort(e);
        }
    }

    @Override
    public void abort(Throwable cause) {
        closing.now(cause);
    }

    @Override
    public boolean isClosed() {
        return closing.isClosing();
    }

    @Override
    public void shutdownOutput() {
        try {
            output.shutdownWhenFlushed();
        } catch (IOException | RuntimeException e) {
            abort(e);
        }
    }

    @Override
    public InputHold suspendInput() {
        return holds.suspend();
    }

    @Override
    public void suspendInputUntilWritable(WriteTarget target) {
        holds.suspendUntilWritable(Objects.requireNonNull(target, "target"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return setup.scheduler().schedule(() -> serial.execute(() -> {
            if (!isClosed()) {
                task.run();
            }
        }), IdleTimer.nanos(delay), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean runSerially(Runnable task) {
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

    @Override
    public HandlerOptions limits() {
        return setup.limits();
    }

    @Override
    public byte[] requestContent() {
        return setup.content().clone();
    }

    @Override
    public String transport() {
        Transport t = transport.get();
        return t == null ? "none" : t.name();
    }

    @Override
    public Reactor loop() {
        Transport t = transport.get();
        return t == null ? null : t.loop();
    }

    @Override
    public String toString() {
        return "UpgradedConnection[" + transport() + (isClosed() ? ", closed" : "") + "]";
    }
}
