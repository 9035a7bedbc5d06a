package dev.switchboard.servlet.nio;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread for the sockets Switchboard opens itself: no thread waits on any of
 * them. Each registered channel has a {@link Handler}, told on the loop thread when the channel
 * is ready, which does its own I/O and sets its own interest. Other threads hand work to the
 * loop with {@link #execute(Runnable)}; tasks run in the order they were handed over.
 *
 * <p>Life cycle: the thread, named as given, starts with the first task. With an idle exit it
 * ends after having had no channel and no task for that long, and starts again with the next
 * task. {@link #close()} stops it for good, from any thread, and waits for it: tasks handed over
 * before run, then every registered channel's {@link Handler#stopped()} runs and the channel is
 * closed; later tasks are refused.
 *
 * <p>A task or a handler that throws is logged and the loop goes on. Thread-safe.
 */
public final class Reactor implements AutoCloseable {

    /** How long {@link #close()} waits for the thread to end. */
    private static final long STOP_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(Reactor.class.getName());

    /** What a registered channel's key carries. Both methods are called on the loop thread. */
    public interface Handler {
        /** The channel is ready for some of its {@code key}'s interest. */
        void ready(SelectionKey key);

        /** The reactor is stopping: release everything now; the channel is closed next. */
        void stopped();
    }

    private final String name;
    private final long idleExitNanos;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Object lifecycle = new Object();
    private Selector selector; // guarded by lifecycle
    private Thread thread; // guarded by lifecycle
    private volatile boolean stopped;

    /**
     * @param name the loop thread's name
     * @param idleExit how long the thread lives on without channels or tasks; null to keep it
     *     until {@link #close()}
     */
    public Reactor(String name, Duration idleExit) {
        this.name = name;
        this.idleExitNanos = idleExit == null ? 0 : idleExit.toNanos();
    }

    /**
     * Runs {@code task} on the loop thread, after the tasks handed over before it, starting the
     * thread if needed.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    public void execute(Runnable task) {
        synchronized (lifecycle) {
            if (stopped) {
                throw new RejectedExecutionException(name + " is stopping");
            }
            tasks.add(task);
            if (thread == null) {
                try {
                    selector = Selector.open();
                } catch (IOException e) {
                    tasks.remove(task);
                    throw new RejectedExecutionException("cannot open a selector for " + name, e);
                }
                Selector s = selector;
                thread = new Thread(() -> run(s), name);
                thread.setDaemon(true);
                thread.start();
            } else if (Thread.currentThread() != thread) {
                selector.wakeup();
            }
        }
    }

    /**
     * Registers {@code channel} (non-blocking) with {@code ops}; on the loop thread only.
     *
     * @throws IllegalStateException when called from another thread
     */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws ClosedChannelException {
        Selector s;
        synchronized (lifecycle) {
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("register on the loop thread, or with a callback");
            }
            s = selector;
        }
        return channel.register(s, ops, handler);
    }

    /**
     * Registers {@code channel} (non-blocking) with {@code ops}, from any thread;
     * {@code registered} receives the key on the loop thread, or null if registration failed.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    public void register(SelectableChannel channel, int ops, Handler handler, Consumer<SelectionKey> registered) {
        execute(() -> {
            SelectionKey key;
            try {
                key = register(channel, ops, handler);
            } catch (ClosedChannelException | RuntimeException e) {
                key = null;
            }
            registered.accept(key);
        });
    }

    /** Sets the interest of {@code key}; takes effect at once, from any thread. Ignored once the key is cancelled. */
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

    /** Whether {@link #close()} has been called. */
    public boolean isStopped() {
        return stopped;
    }

    /**
     * Stops the thread for good, as described in the class comment, and waits up to a few
     * seconds for it (not when called on the loop thread). Idempotent.
     */
    @Override
    public void close() {
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
                t.join(STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void run(Selector s) {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                runTasks();
                if (stopped) {
                    runTasks(); // handed over before close() refused more
                    closeAll(s);
                    return;
                }
                // Tasks handed over from this thread (while handling a key) must not wait for the next event.
                if (!tasks.isEmpty()) {
                    s.selectNow();
                } else if (idleExitNanos > 0) {
                    s.select(Math.max(1, idleExitNanos / 2_000_000)); // execute() and close() wake it up
                } else {
                    s.select();
                }
                Iterator<SelectionKey> keys = s.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.attachment() instanceof Handler h) {
                        runSafely(() -> h.ready(key));
                    }
                }
                if (idleExitNanos > 0) {
                    if (!s.keys().isEmpty() || !tasks.isEmpty()) {
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince >= idleExitNanos && exitIfIdle(s)) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, name + ": selector loop error; going on", e);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runSafely(task);
        }
    }

    /** Tells every channel's handler, closes the channels and the selector; the thread ends next. */
    private void closeAll(Selector s) {
        for (SelectionKey key : s.keys()) {
            if (key.attachment() instanceof Handler h) {
                runSafely(h::stopped);
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
        closeSelector(s);
    }

    private boolean exitIfIdle(Selector s) {
        synchronized (lifecycle) {
            if (stopped || !tasks.isEmpty() || !s.keys().isEmpty()) {
                return false;
            }
            thread = null;
            selector = null;
        }
        closeSelector(s);
        return true;
    }

    private void closeSelector(Selector s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, name + ": closing the selector failed", e);
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": a task or a channel's handler failed", e);
        }
    }
}
