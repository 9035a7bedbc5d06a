package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.WriteTarget;
import dev.switchboard.servlet.container.ReadBuffers;
import dev.switchboard.servlet.nio.LoopBound;
import dev.switchboard.servlet.nio.Reactor;

/**
 * The backend side of one tunnel, on a {@link Reactor}: the one that serves the client
 * connection where it runs on one of Switchboard's own (then both sockets are served on one
 * thread, and a message crosses the tunnel with no hand-off), else the application's relay
 * loop ({@link LinkLoop}, chosen when first needed: at {@link #start()}, once the client
 * connection is open). Bytes from the backend go to the client connection; when it is
 * backlogged, reading from the backend stops until it drains. Bytes from the client go
 * through a {@link BackendQueue}, up to a limit past which the client side stops reading until
 * the queue is down to half: the link is the {@link WriteTarget} the client connection waits
 * for.
 *
 * <p>Closing (RFC 2817 section 5.3, RFC 9110 section 9.3.6): when the backend ends its output,
 * what it sent is delivered to the client, then the client connection is closed; when the
 * client ends its output, what it sent is written to the backend and the backend's output is
 * shut down (the half-close is passed on) while bytes keep flowing the other way; when the
 * client connection closes for any reason, what it sent is written to the backend, then the
 * backend connection is closed. A backend that fails drops what was queued for it.
 *
 * <p>Threads: the selector callbacks, the drains and the close run on the loop; {@link #send},
 * {@link #clientEnded} and {@link #clientClosed} come from the client side (the same thread
 * where the loop is the client's). The client side is never called with a lock held. Reads
 * from the backend go into a buffer that is reused from read to read: the loop's direct one
 * ({@link Reactor#acquireReadBuffer}) where the client connection runs on the same loop and
 * reads into it too, so that the backend's bytes go from channel to channel uncopied; else the
 * thread's heap one ({@link ReadBuffers}), as the client's writes end in a stream's array.
 * Whatever the client does not take at once is copied into its queue, so the buffer is free
 * again after each read.
 */
final class BackendLink implements Reactor.Handler, WriteTarget {

    private static final Logger LOG = Logger.getLogger(BackendLink.class.getName());

    /** Reads per readiness event, so that one busy tunnel cannot starve the others. */
    private static final int READS_PER_EVENT = 16;

    private final LinkLoop loop;
    private final Transport transport;
    private final UpgradedConnection client;
    private final TunnelStatistics statistics;
    private final ScheduledExecutorService scheduler;
    private final Duration linger;
    private final Runnable onClose;
    private final int readBufferSize;
    private final BackendQueue toBackend;

    // Loop thread only.
    private SelectionKey key;
    /** The loop, where the client writes on it too (its direct read buffer serves both); else null. */
    private Reactor sharedLoop;
    private boolean readPaused;
    private boolean inputEnded;

    // Guarded by this.
    private boolean closed;
    private ScheduledFuture<?> lingering;

    /**
     * @param loop the loop, chosen when first needed
     * @param linger how long the backend may take to accept the client's last bytes after the
     *     client has gone, before it is closed anyway
     * @param maxQueued bytes queued for the backend before the client side stops reading
     * @param onClose runs once when the backend connection is closed
     */
    BackendLink(LinkLoop loop, Transport transport, UpgradedConnection client, TunnelStatistics statistics,
            ScheduledExecutorService scheduler, Duration linger, int readBufferSize, int maxQueued,
            Runnable onClose) {
        this.loop = loop;
        this.transport = transport;
        this.client = client;
        this.statistics = statistics;
        this.scheduler = scheduler;
        this.linger = linger;
        this.onClose = onClose;
        this.readBufferSize = readBufferSize;
        this.toBackend = new BackendQueue(transport, statistics, maxQueued);
    }

    // ------------------------------------------------------------------ from the client side

    /** The client side is open: start relaying. */
    void start() {
        boolean started = onLoop(() -> {
            try {
                if (toBackend.isClosed()) {
                    return;
                }
                Reactor reactor = loop.get();
                key = reactor.register(transport.channel(), SelectionKey.OP_READ, this);
                sharedLoop = client instanceof LoopBound bound && bound.loop() == reactor ? reactor : null;
                toBackend.start();
                flushToBackend();
                readFromBackend();
            } catch (IOException e) {
                failed(e);
            }
        });
        if (!started) {
            stopped(); // the loop stopped first: no thread will ever serve this link
        }
    }

    /**
     * Queues bytes from the client for the backend (copying what cannot be written at once).
     *
     * @return false when the queue is over its limit: the client side should stop reading
     *     until this link is writable again ({@link #whenWritable})
     */
    boolean send(ByteBuffer data) {
        BackendQueue.Offered offered;
        try {
            offered = toBackend.offer(data);
        } catch (IOException e) {
            onLoop(() -> failed(e));
            return true;
        }
        if (offered != BackendQueue.Offered.TAKEN) {
            onLoop(this::flushToBackend);
        }
        return offered != BackendQueue.Offered.BACKLOGGED;
    }

    @Override
    public boolean whenWritable(Runnable wakeUp) {
        return toBackend.whenWritable(wakeUp);
    }

    /** The client half-closed: pass it on once its bytes are written. */
    void clientEnded() {
        toBackend.clientEnded();
        onLoop(this::flushToBackend);
    }

    /** The client connection is closed: write what it sent, then close. */
    void clientClosed() {
        if (!toBackend.closeWhenFlushed()) {
            return;
        }
        if (!onLoop(this::flushToBackend)) {
            closeNow(); // no loop will ever serve this link
            return;
        }
        ScheduledFuture<?> task;
        try {
            task = scheduler.schedule(() -> onLoop(this::closeNow), linger.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            onLoop(this::closeNow);
            return;
        }
        // Cancelled when the link closes first, as it normally does: until then the scheduler holds the
        // task, and through it the whole tunnel, for as long as the linger.
        synchronized (this) {
            if (closed) {
                task.cancel(false);
            } else {
                lingering = task;
            }
        }
    }

    /** The client drained its backlog: read from the backend again. */
    void resumeReading() {
        onLoop(() -> {
            readPaused = false;
            readFromBackend();
        });
    }

    // ------------------------------------------------------------------ loop thread

    @Override
    public void ready(SelectionKey k) {
        if (k.isValid() && k.isWritable()) {
            flushToBackend();
        }
        if (k.isValid() && k.isReadable()) {
            readFromBackend();
        }
    }

    private void readFromBackend() {
        if (key == null || !key.isValid()) {
            return;
        }
        ByteBuffer readBuffer = ReadBuffers.acquire(sharedLoop, readBufferSize);
        try {
            for (int i = 0; i < READS_PER_EVENT && !readPaused && !inputEnded; i++) {
                readBuffer.clear().limit(readBufferSize);
                int n = transport.read(readBuffer);
                if (transport.wantsFlush()) {
                    flushToBackend();
                }
                if (n < 0) {
                    inputEnded = true;
                    LOG.log(Level.FINE, "Backend ended its output; closing the client side once it has it all");
                    client.close();
                    break;
                }
                if (n == 0) {
                    break;
                }
                readBuffer.flip();
                statistics.fromBackend(n);
                if (!client.write(readBuffer)) {
                    readPaused = true;
                }
                if (n < readBufferSize && transport.shortReadDrains()) {
                    break; // all there was: the selector reports more
                }
            }
            updateInterest();
        } catch (IOException e) {
            failed(e);
        } finally {
            ReadBuffers.release(sharedLoop, readBuffer);
        }
    }

    private void flushToBackend() {
        BackendQueue.Drained drained;
        try {
            drained = toBackend.drain();
        } catch (IOException e) {
            onLoop(() -> failed(e));
            return;
        }
        if (drained.closable()) {
            closeNow();
            return;
        }
        updateInterest();
        drained.wakeUps().forEach(Runnable::run);
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        boolean wantWrite = toBackend.wantsWrite();
        int ops = (readPaused || inputEnded ? 0 : SelectionKey.OP_READ) | (wantWrite ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** The backend connection failed: what it sent reaches the client, then both close. */
    private void failed(IOException e) {
        LOG.log(Level.FINE, "Backend connection failed: " + e, e);
        closeNow();
        client.close();
    }

    /** Closes the backend connection, once: nothing more is written to it, and a waiting client reads on. */
    private void closeNow() {
        List<Runnable> waiting = toBackend.close();
        if (waiting == null) {
            return;
        }
        ScheduledFuture<?> task;
        synchronized (this) {
            closed = true;
            task = lingering;
            lingering = null;
        }
        if (task != null) {
            task.cancel(false);
        }
        if (key != null) {
            key.cancel();
        }
        onClose.run(); // before the backend can see the close: its place under the cap is free by then
        transport.close();
        waiting.forEach(Runnable::run);
    }

    /**
     * Runs {@code task} on the loop, unless the loop has stopped: its {@link #stopped()} has
     * closed the link then, and the task is dropped.
     *
     * @return whether the loop took the task
     */
    private boolean onLoop(Runnable task) {
        return loop.execute(task);
    }

    @Override
    public void stopped() {
        closeNow();
        client.abort(new IOException("the tunnel is shutting down"));
    }
}
