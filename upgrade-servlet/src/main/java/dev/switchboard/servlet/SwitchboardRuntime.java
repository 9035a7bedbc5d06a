package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;

import dev.switchboard.servlet.nio.ReactorGroup;

/**
 * What Switchboard runs for one web application besides its requests: one timer thread for
 * every deadline and scheduled task of its connections, and the event loops its modules start
 * (the loops of the connections it serves itself, the tunnel's relay loop, the RFC 2817
 * bridge's selector), all with one lifecycle. Each stage
 * or filter that uses the runtime {@link #retain()}s it when it starts and {@link #release()}s
 * it when it is destroyed; the last release stops everything and waits until every thread
 * the runtime started has ended, so that no thread of Switchboard's outlives the application
 * (containers report such threads as leaks, and they would keep the application's class
 * loader). Threads are named {@code switchboard-<job> <context path>}.
 *
 * <p>One runtime per servlet context, kept as a context attribute; after it stops, the next
 * {@link #of} starts a fresh one (a context that is started again). Thread-safe.
 */
public final class SwitchboardRuntime {

    private static final Logger LOG = Logger.getLogger(SwitchboardRuntime.class.getName());
    private static final String ATTRIBUTE = SwitchboardRuntime.class.getName();

    /** How long the last {@link #release()} waits for the threads to end. */
    static final long STOP_SECONDS = 5;

    private final ServletContext context;
    private final String label;
    /** Threads of the timer, so that a stop can wait until they have ended, not only the executor. */
    private final List<Thread> timerThreads = new CopyOnWriteArrayList<>();
    /** The services, in the order they were started. Guarded by this. */
    private final Map<String, AutoCloseable> services = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private int users;
    private boolean stopped;

    private SwitchboardRuntime(ServletContext context) {
        this.context = context;
        String path = context.getContextPath();
        this.label = path == null || path.isEmpty() ? "/" : path;
    }

    /** The runtime of {@code context}, created on first use. */
    public static SwitchboardRuntime of(ServletContext context) {
        Objects.requireNonNull(context, "context");
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) instanceof SwitchboardRuntime runtime && !runtime.isStopped()) {
                return runtime;
            }
            SwitchboardRuntime runtime = new SwitchboardRuntime(context);
            context.setAttribute(ATTRIBUTE, runtime);
            return runtime;
        }
    }

    /**
     * Counts a user in: a stage or filter that will {@link #release()} the runtime when it is
     * destroyed.
     *
     * @throws IllegalStateException if the runtime has stopped
     */
    public synchronized SwitchboardRuntime retain() {
        checkRunning();
        users++;
        return this;
    }

    /**
     * Counts a user out; the last one stops the runtime: closes its services, newest first,
     * stops the timer thread, and waits ({@value #STOP_SECONDS} s at most) until it has ended.
     */
    public void release() {
        List<AutoCloseable> closing;
        ScheduledExecutorService timer;
        synchronized (this) {
            if (stopped || --users > 0) {
                return;
            }
            stopped = true;
            closing = new ArrayList<>(services.values());
            services.clear();
            timer = scheduler;
            scheduler = null;
        }
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) == this) {
                context.removeAttribute(ATTRIBUTE);
            }
        }
        for (int i = closing.size() - 1; i >= 0; i--) {
            close(closing.get(i));
        }
        if (timer != null) {
            timer.shutdownNow();
            awaitTimerThreads(timer);
        }
    }

    /**
     * The application's timer: runs the deadlines and scheduled tasks of its connections on
     * one daemon thread, {@code switchboard-timers <context path>}, started on first use.
     * Cancelled tasks leave its queue at once. Its tasks must be short: hand work on.
     *
     * @throws IllegalStateException if the runtime has stopped
     */
    public synchronized ScheduledExecutorService scheduler() {
        checkRunning();
        if (scheduler == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName("timers"));
                t.setDaemon(true);
                timerThreads.add(t);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            scheduler = executor;
        }
        return scheduler;
    }

    /**
     * The service named {@code name}, started by {@code start} on first use and closed when the
     * runtime stops (services close newest first, before the timer stops). For an event loop
     * of a module: the relay loop of the tunnel, the selector of the RFC 2817 bridge.
     *
     * @param start creates the service; runs under the runtime's lock, so it must not block
     * @throws IllegalStateException if the runtime has stopped
     * @throws ClassCastException if the service of that name is of another type
     */
    public synchronized <T extends AutoCloseable> T service(String name, Class<T> type, Supplier<? extends T> start) {
        checkRunning();
        AutoCloseable service = services.get(name);
        if (service == null) {
            service = Objects.requireNonNull(start.get(), "start returned null");
            services.put(name, service);
        }
        return type.cast(service);
    }

    /**
     * The event loops of this application's connections that Switchboard serves itself, kept
     * as the runtime's {@code job} service: {@code switchboard.loopThreads} reactors (one per
     * processor unless set), named {@code switchboard-<job>-<n> <context path>}, with
     * {@code contextLoader} as their threads' context class loader; stopped with the runtime.
     *
     * @throws IllegalStateException if the runtime has stopped
     */
    public ReactorGroup loops(String job, ClassLoader contextLoader) {
        return service(job, ReactorGroup.class, () -> {
            int configured = UpgradeDeclarations.LOOP_THREADS.get(Settings.of(context));
            int size = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
            return new ReactorGroup(size, n -> threadName(job + "-" + n), contextLoader);
        });
    }

    /** The name of a thread that does {@code job} for this application: {@code switchboard-<job> <context path>}. */
    public String threadName(String job) {
        return "switchboard-" + job + " " + label;
    }

    /** Whether the last user has released the runtime. */
    public synchronized boolean isStopped() {
        return stopped;
    }

    @Override
    public String toString() {
        return "Switchboard runtime of " + label;
    }

    private void checkRunning() {
        if (stopped) {
            throw new IllegalStateException(this + " has stopped");
        }
    }

    private void close(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Stopping " + service + " of " + label + " failed", e);
        }
    }

    /**
     * Waits until the executor has terminated and its threads have ended: a terminated
     * executor's last thread is still alive for a moment, long enough for a container that
     * looks for leftover threads right after the application stops to report a leak.
     */
    private void awaitTimerThreads(ScheduledExecutorService timer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        try {
            boolean ended = timer.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
            for (Thread t : timerThreads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    t.join(left);
                }
                ended &= !t.isAlive();
            }
            if (!ended) {
                LOG.warning("The " + threadName("timers") + " thread did not end within " + STOP_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
