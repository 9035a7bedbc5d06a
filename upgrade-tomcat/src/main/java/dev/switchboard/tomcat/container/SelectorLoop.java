package dev.switchboard.tomcat.container;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.SwitchboardRuntime;

/**
 * One selector and the thread that runs it: the event loop on which the {@code tomcat-loop}
 * transport serves the connections it took off Tomcat's poller. One per application, a service
 * of its {@link SwitchboardRuntime} ({@link #of}), so that the runtime stops it when the
 * application stops; its thread is {@code switchboard-tomcat-loop <context path>} and runs with
 * the application's class loader as its context loader.
 *
 * <p>Members are told of readiness on the loop thread ({@link Member#ready}); tasks from any
 * thread run there too, in order ({@link #execute}), with one wake-up of the selector for all
 * that arrive while it waits. {@link #close()} stops the loop: every member still registered is
 * {@linkplain Member#stop() stopped} on the loop thread, then the thread ends, and the close
 * waits for it. Thread-safe.
 */
final class SelectorLoop implements AutoCloseable {

    /** The name of the service, and the job in its thread's name. */
    static final String SERVICE = "tomcat-loop";

    private static final Logger LOG = Logger.getLogger(SelectorLoop.class.getName());
    private static final long STOP_SECONDS = 5;

    /** What the loop serves: one channel. Its methods run on the loop thread. */
    interface Member {
        /** The channel is ready for {@code readyOps}; its key is valid. */
        void ready(int readyOps);

        /** The loop is stopping: close the channel. */
        void stop();
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** A wake-up of the selector is on its way: later tasks need none of their own. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean stopping;
    /** The loop has run its last tasks: no more are taken. Guarded by this. */
    private boolean terminated;

    private SelectorLoop(String threadName, ClassLoader loader) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
    }

    /**
     * The loop of {@code runtime}'s application, started on first use.
     *
     * @param loader the application's class loader, for the loop thread's context
     * @throws IllegalStateException if the runtime has stopped, or no selector can be opened
     */
    static SelectorLoop of(SwitchboardRuntime runtime, ClassLoader loader) {
        return runtime.service(SERVICE, SelectorLoop.class, () -> start(runtime.threadName(SERVICE), loader));
    }

    /** A loop on a thread of its own named {@code threadName}, running. */
    static SelectorLoop start(String threadName, ClassLoader loader) {
        try {
            SelectorLoop loop = new SelectorLoop(threadName, loader);
            loop.thread.start();
            return loop;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector", e);
        }
    }

    /** Whether the calling thread is the loop's. */
    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code task} on the loop thread, after the tasks before it.
     *
     * @return false if the loop has stopped and will run nothing more
     */
    synchronized boolean execute(Runnable task) {
        if (terminated) {
            return false;
        }
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
        return true;
    }

    /**
     * Registers {@code channel} (non-blocking) for {@code member} with {@code ops}; loop thread only.
     *
     * @return its key, or null if the loop is stopping (then the member is stopped) or the
     *     channel is closed
     */
    SelectionKey register(SelectableChannel channel, int ops, Member member) {
        if (stopping) {
            member.stop();
            return null;
        }
        try {
            return channel.register(selector, ops, member);
        } catch (ClosedChannelException | CancelledKeyException e) {
            return null;
        } catch (ClosedSelectorException e) {
            member.stop();
            return null;
        }
    }

    private void run() {
        try {
            while (true) {
                runTasks();
                if (stopping) {
                    break;
                }
                selector.select();
                wakeupPending.set(false);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    ready(key);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.log(Level.SEVERE, thread.getName() + " failed: its connections are closed", e);
        } finally {
            stopping = true;
            stopMembers();
        }
    }

    private static void ready(SelectionKey key) {
        try {
            if (key.isValid()) {
                ((Member) key.attachment()).ready(key.readyOps());
            }
        } catch (CancelledKeyException e) {
            // closed meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A connection on the loop failed: closing it", e);
            ((Member) key.attachment()).stop();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A task on " + thread.getName() + " failed", e);
            }
        }
    }

    /**
     * The loop's last act: the tasks left (registrations stop their members), then every member
     * still registered is stopped, then the tasks taken until no more are.
     */
    private void stopMembers() {
        runTasks();
        List<Member> members = new ArrayList<>();
        try {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Member m) {
                    members.add(m);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Listing the loop's channels failed", e);
        }
        for (Member m : members) {
            try {
                m.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Stopping a connection failed", e);
            }
        }
        runTasks();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the selector failed", e);
        }
        synchronized (this) {
            terminated = true;
        }
        runTasks();
    }

    /** Stops the loop (see the class comment) and waits, {@value #STOP_SECONDS} s at most, for its thread. */
    @Override
    public void close() {
        stopping = true;
        selector.wakeup();
        if (inLoop()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
            if (thread.isAlive()) {
                LOG.warning("The " + thread.getName() + " thread did not end within " + STOP_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
