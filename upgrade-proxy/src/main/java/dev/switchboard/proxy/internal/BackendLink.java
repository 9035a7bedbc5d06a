package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

/**
 * The backend side of one tunnel, on the {@link RelayLoop}. Bytes from the backend go to the
 * client connection; when it is backlogged, reading from the backend stops until it drains.
 * Bytes from the client are queued here, up to a limit past which the client side stops
 * reading until the queue is down to half: the link is the {@link WriteTarget} the client
 * connection waits for.
 *
 * <p>Closing (RFC 2817 section 5.3, RFC 9110 section 9.3.6): when the backend ends its output,
 * what it sent is delivered to the client, then the client connection is closed; when the
 * client ends its output, what it sent is written to the backend and the backend's output is
 * shut down (the half-close is passed on) while bytes keep flowing the other way; when the
 * client connection closes for any reason, what it sent is written to the backend, then the
 * backend connection is closed. A backend that fails drops what was queued for it.
 *
 * <p>Threads: the selector callbacks run on the loop; {@link #send}, {@link #clientEnded} and
 * {@link #clientClosed} come from the client side. {@code lock} guards the queue and every
 * write; the client side is never called with it held.
 */
final class BackendLink implements RelayLoop.Ready, WriteTarget {

    private static final Logger LOG = Logger.getLogger(BackendLink.class.getName());

    /** Reads per readiness event, so that one busy tunnel cannot starve the others. */
    private static final int READS_PER_EVENT = 16;

    private final RelayLoop loop;
    private final Transport transport;
    private final UpgradedConnection client;
    private final TunnelStatistics statistics;
    private final ScheduledExecutorService scheduler;
    private final Duration linger;
    private final Runnable onClose;
    private final int maxQueued;
    private final ByteBuffer readBuffer;

    // Set once on the loop thread, under lock; read anywhere.
    private volatile SelectionKey key;

    // Loop thread only.
    private boolean readPaused;
    private boolean inputEnded;

    // Guarded by lock.
    private final Object lock = new Object();
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queued;
    private boolean backlogged;
    private List<Runnable> waiters = new ArrayList<>(1);
    private boolean clientEnded;
    private boolean outputShut;
    private boolean closeWhenFlushed;
    private boolean closed;
    private ScheduledFuture<?> lingering; // guarded by lock

    /**
     * @param linger how long the backend may take to accept the client's last bytes after the
     *     client has gone, before it is closed anyway
     * @param onClose runs once when the backend connection is closed
     */
    BackendLink(RelayLoop loop, Transport transport, UpgradedConnection client, TunnelStatistics statistics,
            ScheduledExecutorService scheduler, Duration linger, int readBufferSize, int maxQueued,
            Runnable onClose) {
        this.loop = loop;
        this.transport = transport;
        this.client = client;
        this.statistics = statistics;
        this.scheduler = scheduler;
        this.linger = linger;
        this.onClose = onClose;
        this.maxQueued = maxQueued;
        this.readBuffer = ByteBuffer.allocate(readBufferSize);
    }

    // ------------------------------------------------------------------ from the client side

    /** The client side is open: start relaying. */
    void start() {
        loop.execute(() -> {
            try {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    key = loop.register(transport.channel(), SelectionKey.OP_READ, this);
                }
                flushToBackend();
                readFromBackend();
            } catch (IOException e) {
                failed(e);
            }
        });
    }

    /**
     * Queues bytes from the client for the backend (copying what cannot be written at once).
     *
     * @return false when the queue is over its limit: the client side should stop reading
     *     until this link is writable again ({@link #whenWritable})
     */
    boolean send(ByteBuffer data) {
        int n = data.remaining();
        boolean needWrite = false;
        boolean over;
        synchronized (lock) {
            if (closed || outputShut) {
                return true; // the backend is gone: discard
            }
            statistics.toBackend(n);
            if (queue.isEmpty() && key != null) {
                try {
                    transport.write(data);
                } catch (IOException e) {
                    loop.execute(() -> failed(e));
                    return true;
                }
            }
            if (data.hasRemaining()) {
                ByteBuffer copy = ByteBuffer.allocate(data.remaining());
                copy.put(data).flip();
                queue.add(copy);
                queued += copy.remaining();
                needWrite = true;
            }
            over = queued > maxQueued;
            if (over) {
                backlogged = true;
            }
        }
        if (needWrite) {
            loop.execute(this::flushToBackend);
        }
        return !over;
    }

    /** The client half-closed: pass it on once its bytes are written. */
    void clientEnded() {
        synchronized (lock) {
            clientEnded = true;
        }
        loop.execute(this::flushToBackend);
    }

    /** The client connection is closed: write what it sent, then close. */
    void clientClosed() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closeWhenFlushed = true;
        }
        loop.execute(this::flushToBackend);
        ScheduledFuture<?> task;
        try {
            task = scheduler.schedule(() -> loop.execute(this::closeNow), linger.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            loop.execute(this::closeNow);
            return;
        }
        // Cancelled when the link closes first, as it normally does: until then the scheduler holds the
        // task, and through it the whole tunnel, for as long as the linger.
        synchronized (lock) {
            if (closed) {
                task.cancel(false);
            } else {
                lingering = task;
            }
        }
    }

    /**
     * Registers {@code wakeUp} for the drain that brings the queue back to half its limit, or
     * for the close, unless the queue is within its limit now.
     */
    @Override
    public boolean whenWritable(Runnable wakeUp) {
        synchronized (lock) {
            if (!backlogged || closed) {
                return false;
            }
            waiters.add(wakeUp);
            return true;
        }
    }

    /** The client drained its backlog: read from the backend again. */
    void resumeReading() {
        loop.execute(() -> {
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
        try {
            for (int i = 0; i < READS_PER_EVENT && !readPaused && !inputEnded; i++) {
                readBuffer.clear();
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
            }
            updateInterest();
        } catch (IOException e) {
            failed(e);
        }
    }

    private void flushToBackend() {
        List<Runnable> resume = List.of();
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (key == null) {
                if (closeWhenFlushed) {
                    closeNowLocked(); // the client went before the relay started
                }
                return;
            }
            try {
                while (!queue.isEmpty()) {
                    ByteBuffer head = queue.peek();
                    int before = head.remaining();
                    transport.write(head);
                    queued -= before - head.remaining();
                    if (head.hasRemaining()) {
                        break;
                    }
                    queue.poll();
                }
                boolean drained = queue.isEmpty() && transport.flush();
                if (backlogged && queued <= maxQueued / 2) {
                    backlogged = false;
                    resume = takeWaiters();
                }
                if (drained && clientEnded && !outputShut && !closeWhenFlushed) {
                    outputShut = true;
                    transport.shutdownOutput();
                    drained = transport.flush();
                }
                if (drained && closeWhenFlushed) {
                    closeNowLocked();
                    return;
                }
            } catch (IOException e) {
                loop.execute(() -> failed(e));
                return;
            }
        }
        updateInterest();
        resume.forEach(Runnable::run);
    }

    /** The wake-ups registered so far, to run outside the lock. */
    private List<Runnable> takeWaiters() {
        List<Runnable> due = waiters;
        waiters = new ArrayList<>(1);
        return due;
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        boolean wantWrite;
        synchronized (lock) {
            wantWrite = !queue.isEmpty() || transport.wantsFlush();
        }
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

    private void closeNow() {
        List<Runnable> due;
        synchronized (lock) {
            closeNowLocked();
            due = takeWaiters();
        }
        due.forEach(Runnable::run);
    }

    private void closeNowLocked() {
        if (closed) {
            return;
        }
        closed = true;
        if (lingering != null) {
            lingering.cancel(false);
            lingering = null;
        }
        queue.clear();
        queued = 0;
        if (key != null) {
            key.cancel();
        }
        onClose.run(); // before the backend can see the close: its place under the cap is free by then
        transport.close();
    }

    @Override
    public void loopClosed() {
        closeNow();
        client.abort(new IOException("the tunnel is shutting down"));
    }
}
