package dev.switchboard.tls.internal.bridge;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread for the loopback sockets of an application's RFC 2817 connections: no
 * thread is parked per connection. The thread starts with the first socket and ends after
 * it has had no socket for {@link #IDLE_EXIT_MILLIS}, or at once when {@link #stop()} is
 * called as the application stops, so that no thread outlives it. Readiness is handed to
 * each socket's {@link Readiness}, which does its own I/O (serialised with its connection)
 * and sets its own interest. Thread-safe.
 */
public final class LoopbackReactor {

    /** How long the thread waits without sockets before it ends. */
    static final long IDLE_EXIT_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(LoopbackReactor.class.getName());

    /** Receives the readiness of one registered channel, on the reactor thread. */
    public interface Readiness {
        void ready(SelectionKey key);

        /** The reactor is stopping: the channel is about to be closed. */
        void stopped();
    }

    private final String name;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Object lifecycle = new Object();
    private Selector selector; // guarded by lifecycle
    private Thread thread; // guarded by lifecycle
    private boolean stopped; // guarded by lifecycle

    public LoopbackReactor(String name) {
        this.name = name;
    }

    /**
     * Registers {@code channel} (non-blocking) with {@code ops}; {@code registered} receives
     * the key on the reactor thread, or null if registration failed.
     */
    public void register(SocketChannel channel, int ops, Readiness readiness,
            Consumer<SelectionKey> registered) {
        execute(() -> {
            SelectionKey key;
            try {
                key = channel.register(currentSelector(), ops, readiness);
            } catch (ClosedChannelException | RuntimeException e) {
                key = null;
            }
            registered.accept(key);
        });
    }

    /** Sets the interest of {@code key}; takes effect at once, from any thread. */
    public void interest(SelectionKey key, int ops) {
        try {
            if (key.isValid() && key.interestOps() != ops) {
                key.interestOps(ops);
                key.selector().wakeup();
            }
        } catch (CancelledKeyException e) {
            // the channel was closed meanwhile
        }
    }

    /**
     * Runs {@code task} on the reactor thread, starting it if needed.
     *
     * @throws IllegalStateException after {@link #stop()}
     */
    public void execute(Runnable task) {
        synchronized (lifecycle) {
            if (stopped) {
                throw new IllegalStateException("the application is stopping");
            }
            tasks.add(task);
            if (thread == null) {
                try {
                    selector = Selector.open();
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot open a selector for RFC 2817 bridging", e);
                }
                Selector s = selector;
                thread = new Thread(() -> run(s), name);
                thread.setDaemon(true);
                thread.start();
            } else {
                selector.wakeup();
            }
        }
    }

    /**
     * Stops the thread: every registered socket's {@link Readiness#stopped()} runs and the
     * socket is closed. No task is accepted afterwards. Waits up to a few seconds.
     */
    public void stop() {
        Thread t;
        synchronized (lifecycle) {
            stopped = true;
            t = thread;
            if (selector != null) {
                selector.wakeup();
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Selector currentSelector() {
        synchronized (lifecycle) {
            return selector;
        }
    }

    private void run(Selector s) {
        long idleSince = System.nanoTime();
        try {
            while (true) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    runSafely(task);
                }
                s.select(IDLE_EXIT_MILLIS / 2); // execute() and stop() wake it up
                if (isStopped()) {
                    closeAll(s);
                    return;
                }
                Iterator<SelectionKey> keys = s.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.attachment() instanceof Readiness r) {
                        runSafely(() -> r.ready(key));
                    }
                }
                if (!s.keys().isEmpty()) {
                    idleSince = System.nanoTime();
                } else if ((System.nanoTime() - idleSince) / 1_000_000 >= IDLE_EXIT_MILLIS && stopIfIdle(s)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "RFC 2817 bridge selector failed", e);
            synchronized (lifecycle) {
                if (selector == s) {
                    thread = null;
                    selector = null;
                }
            }
        }
    }

    /** Whether {@link #stop()} has been called. */
    public boolean isStopped() {
        synchronized (lifecycle) {
            return stopped;
        }
    }

    private void closeAll(Selector s) throws IOException {
        for (SelectionKey key : s.keys()) {
            if (key.attachment() instanceof Readiness r) {
                runSafely(r::stopped);
            }
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        synchronized (lifecycle) {
            thread = null;
            selector = null;
        }
        s.close();
    }

    private boolean stopIfIdle(Selector s) throws IOException {
        synchronized (lifecycle) {
            if (!tasks.isEmpty() || !s.keys().isEmpty()) {
                return false;
            }
            thread = null;
            selector = null;
        }
        s.close();
        return true;
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RFC 2817 bridge task failed", e);
        }
    }
}
