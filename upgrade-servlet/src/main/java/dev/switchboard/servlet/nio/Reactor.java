package dev.switchboard.servlet.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread for the sockets Switchboard serves itself: the ones it opens (a tunnel's
 * backends, the RFC 2817 bridge's loopback connections) and the client connections it takes
 * over from a container (Tomcat's {@code tomcat-loop} transport); no thread waits on any of
 * them. Each registered channel has a {@link Handler}, told on the loop thread when the channel
 * is ready, which does its own I/O and sets its own interest. Other threads hand work to the
 * loop with {@link #execute(Runnable)} or {@link #tryExecute(Runnable)}; tasks run in the order
 * they were handed over, with one wake-up of the selector for all that arrive while it waits.
 * Channels of different kinds may share one reactor: a tunnel's backend on the loop of its
 * client connection is read and written to the client on one thread, with no hand-off.
 *
 * <p>Life cycle: the thread, named as given and with the given context class loader, starts
 * with the first task. With an idle exit it ends after having had no channel and no task for
 * that long, and starts again with the next task. {@link #close()} stops it for good, from any
 * thread, and waits for it: tasks handed over before run, then every registered channel's
 * {@link Handler#stopped()} runs and the channel is closed; later tasks are refused.
 *
 * <p>A task that throws is logged and the loop goes on; a handler whose {@link Handler#ready}
 * throws is logged, stopped and its channel closed. Thread-safe.
 */
public final class Reactor implements AutoCloseable {

    /** How long {@link #close()} waits for the thread to end. */
    static final long STOP_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(Reactor.class.getName());

    /** What a registered channel's key carries. Both methods are called on the loop thread. */
    public interface Handler {
        /** The channel is ready for some of its {@code key}'s interest. */
        void ready(SelectionKey key);

        /** The reactor is stopping (or {@link #ready} failed): release everything now; the channel is closed next. */
        void stopped();
    }

    private final String name;
    private final long idleExitNanos;
    private final ClassLoader contextLoader;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Failures of the selector in a row after which the loop stops rather than spins. */
    private static final int MAX_FAILURES = 3;

    /** A wake-up of the selector is on its way: later tasks need none of their own. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Object lifecycle = new Object();
    private volatile Selector selector; // written under lifecycle
    private volatile Thread thread; // written under lifecycle
    private volatile boolean stopped;
    /** Hands each ready key to its handler; one instance, not one per select. */
    private final Consumer<SelectionKey> dispatch = this::ready;
    /** The loop's direct read buffer while no reader holds it; touched on the loop thread only. */
    private ByteBuffer readBuffer;

    /**
     * A reactor whose thread inherits the context class loader of the thread that starts it.
     *
     * @param name the loop thread's name
     * @param idleExit how long the thread lives on without channels or tasks; null to keep it
     *     until {@link #close()}
     */
    public Reactor(String name, Duration idleExit) {
        this(name, idleExit, null);
    }

    /**
     * @param contextLoader the loop thread's context class loader (an application's, where its
     *     handlers run the application's code), or null for the one of the thread that starts it
     */
    public Reactor(String name, Duration idleExit, ClassLoader contextLoader) {
        this.name = name;
        this.idleExitNanos = idleExit == null ? 0 : idleExit.toNanos();
        this.contextLoader = contextLoader;
    }

    /**
     * Runs {@code task} on the loop thread, after the tasks handed over before it, starting the
     * thread if needed.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    public void execute(Runnable task) {
        if (!tryExecute(task)) {
            throw new RejectedExecutionException(name + " is stopping");
        }
    }

    /**
     * As {@link #execute}, but says whether the task was taken.
     *
     * @return false after {@link #close()} (or when no selector can be opened): the task will
     *     never run
     */
    public boolean tryExecute(Runnable task) {
        synchronized (lifecycle) {
            if (stopped) {
                return false;
            }
            tasks.add(task);
            if (thread == null) {
                return start(task);
            }
        }
        Selector s = selector;
        if (s != null && Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            s.wakeup(); // a no-op on a selector closed meanwhile
        }
        return true;
    }

    /** Whether the calling thread is the loop thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Registers {@code channel} (non-blocking) with {@code ops}; on the loop thread only.
     *
     * @throws IllegalStateException when called from another thread
     */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws ClosedChannelException {
        if (!inLoop()) {
            throw new IllegalStateException("register on the loop thread, or with a callback");
        }
        return channel.register(selector, ops, handler);
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
                if (!inLoop()) {
                    key.selector().wakeup();
                }
            }
        } catch (CancelledKeyException e) {
            // the channel was closed meanwhile
        }
    }

    /**
     * Lends the loop's direct read buffer, cleared; or a new one if a reader holds it already (a
     * read inside another's callback) or it is smaller than {@code capacity}. A direct buffer
     * suits a loop that reads socket channels and writes what it read to socket channels: the
     * JDK copies neither way, where it copies a heap buffer through a direct one of its own on
     * each read and each write. One buffer serves every socket of the loop, one event at a time.
     * On the loop thread only; hand it back with {@link #releaseReadBuffer}.
     */
    public ByteBuffer acquireReadBuffer(int capacity) {
        if (!inLoop()) {
            throw new IllegalStateException("the loop's read buffer is lent on the loop thread only");
        }
        ByteBuffer lent = readBuffer;
        readBuffer = null;
        if (lent == null || lent.capacity() < capacity) {
            lent = ByteBuffer.allocateDirect(capacity);
        }
        return lent.clear();
    }

    /** Takes back a buffer from {@link #acquireReadBuffer}, on the loop thread; elsewhere it is dropped. */
    public void releaseReadBuffer(ByteBuffer buffer) {
        if (inLoop() && buffer.isDirect()) {
            readBuffer = buffer;
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
        awaitStopped(stop(), System.nanoTime() + STOP_MILLIS * 1_000_000);
    }

    /** Marks the reactor stopped and wakes its thread, without waiting; the thread to wait for, if any. */
    Thread stop() {
        synchronized (lifecycle) {
            stopped = true;
            if (selector != null) {
                selector.wakeup();
            }
            return thread;
        }
    }

    /** Waits until {@code t}, the thread {@link #stop()} returned, has ended or {@code deadline} (nano time) has passed. */
    void awaitStopped(Thread t, long deadline) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
            if (t.isAlive()) {
                LOG.warning("The " + name + " thread did not end within " + STOP_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Opens the selector and starts the thread; under the lifecycle lock, {@code first} queued. */
    private boolean start(Runnable first) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            tasks.remove(first);
            LOG.log(Level.WARNING, "Cannot open a selector for " + name, e);
            return false;
        }
        wakeupPending.set(false); // one set by a late task of a thread that ended idle
        Selector s = selector;
        Thread t = new Thread(() -> run(s), name);
        t.setDaemon(true);
        if (contextLoader != null) {
            t.setContextClassLoader(contextLoader);
        }
        thread = t;
        t.start();
        return true;
    }

    private void run(Selector s) {
        long idleSince = System.nanoTime();
        int failures = 0;
        while (true) {
            try {
                runTasks();
                if (stopped) {
                    runTasks(); // handed over before close() refused more
                    closeAll(s);
                    return;
                }
                // Tasks handed over from this thread (while handling a key) must not wait for the next event.
                // Ready keys go straight to their handlers: no selected-key set to fill and empty.
                if (!tasks.isEmpty()) {
                    s.selectNow(dispatch);
                } else if (idleExitNanos > 0) {
                    s.select(dispatch, Math.max(1, idleExitNanos / 2_000_000)); // execute() and close() wake it up
                } else {
                    s.select(dispatch);
                }
                wakeupPending.set(false); // tasks queued before this are run at the top of the loop
                if (idleExitNanos > 0) {
                    if (!s.keys().isEmpty() || !tasks.isEmpty()) {
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince >= idleExitNanos && exitIfIdle(s)) {
                        return;
                    }
                }
                failures = 0;
            } catch (IOException | RuntimeException e) {
                if (++failures < MAX_FAILURES && s.isOpen()) {
                    LOG.log(Level.WARNING, name + ": selector loop error; going on", e);
                } else {
                    giveUp(s, failures, e);
                    return;
                }
            }
        }
    }

    /** A selector that keeps failing (or was closed under the loop) would spin: stop instead. */
    private void giveUp(Selector s, int failures, Exception e) {
        LOG.log(Level.SEVERE, name + ": the selector failed " + failures + " times in a row; stopping the loop "
                + "and closing its channels", e);
        synchronized (lifecycle) {
            stopped = true;
        }
        try {
            closeAll(s);
        } catch (RuntimeException again) {
            Stopping.close(s, name);
        }
    }

    private void ready(SelectionKey key) {
        if (!key.isValid() || !(key.attachment() instanceof Handler h)) {
            return;
        }
        try {
            h.ready(key);
        } catch (CancelledKeyException e) {
            // closed meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": a channel's handler failed; closing its channel", e);
            Stopping.stop(key, h, name);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": a task failed", e);
            }
        }
    }

    /** Tells every channel's handler, closes the channels and the selector; the thread ends next. */
    private void closeAll(Selector s) {
        Stopping.stopAll(s, name);
        synchronized (lifecycle) {
            thread = null;
            selector = null;
        }
        Stopping.close(s, name);
    }

    private boolean exitIfIdle(Selector s) {
        synchronized (lifecycle) {
            if (stopped || !tasks.isEmpty() || !s.keys().isEmpty()) {
                return false;
            }
            thread = null;
            selector = null;
        }
        Stopping.close(s, name);
        return true;
    }
}
