package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread that serves the backend side of every tunnel of a filter: channels
 * register here after the handshake and are read and written only when ready, so no thread
 * waits on a tunnel. Other threads hand work to the loop with {@link #execute(Runnable)}.
 */
public final class RelayLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayLoop.class.getName());

    /** What a registered channel's key carries: called on the loop thread when the channel is ready. */
    interface Ready {
        void ready(SelectionKey key);

        /** The loop is shutting down: release everything now. */
        void loopClosed();
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /** Opens the selector and starts the loop's daemon thread, named {@code name}. */
    public RelayLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the tunnel relay", e);
        }
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop thread, after the tasks queued before it. */
    void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Registers {@code channel} (non-blocking); loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Ready ready) throws ClosedChannelException {
        return channel.register(selector, ops, ready);
    }

    private void run() {
        while (running) {
            try {
                runTasks();
                // Tasks queued from this thread (while handling a key) must not wait for the next event.
                if (tasks.isEmpty()) {
                    selector.select();
                } else {
                    selector.selectNow();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid()) {
                        dispatch(key);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Tunnel relay loop error; going on", e);
            }
        }
        runTasks();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Ready r) {
                try {
                    r.loopClosed();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Closing a tunnel at shutdown failed", e);
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the selector failed", e);
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            ((Ready) key.attachment()).ready(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tunnel relay callback failed", e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Tunnel relay task failed", e);
            }
        }
    }

    /** Stops the loop and closes every tunnel's backend connection; waits up to 5 seconds. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
