package dev.switchboard.jetty;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.util.thread.SerializedInvoker;

/**
 * The calls a switched Jetty connection makes into the application's
 * {@link HttpUpgradeHandler}: {@code init} and {@code destroy} (once, then the container's
 * release), and any callback the connection queues, one at a time in the order queued, in the
 * web application's context. Shared by both kinds of switched connection, whatever carries
 * their bytes. Thread-safe.
 */
final class HandlerCallbacks {

    private static final Logger LOG = Logger.getLogger(HandlerCallbacks.class.getName());

    private final HttpUpgradeHandler handler;
    private final Context context;
    private final Consumer<HttpUpgradeHandler> release;
    private final Executor executor;
    private final SerializedInvoker invoker;
    private final AtomicBoolean destroyed = new AtomicBoolean();

    /**
     * @param name names the invoker, for Jetty's dumps
     * @param executor runs queued callbacks
     * @param context the web application's context, in whose scope callbacks run
     * @param handler the protocol that takes the connection over
     * @param release called once after {@code handler.destroy()}, to undo container injection
     */
    HandlerCallbacks(String name, Executor executor, Context context, HttpUpgradeHandler handler,
            Consumer<HttpUpgradeHandler> release) {
        this.handler = handler;
        this.context = context;
        this.release = release;
        this.executor = executor;
        this.invoker = new SerializedInvoker(name, executor);
    }

    /** Queues {@code handler.init(connection)}; if it throws, {@code endPoint} closes. */
    void init(WebConnection connection, EndPoint endPoint) {
        dispatch(() -> {
            try {
                handler.init(connection);
            } catch (Throwable x) {
                LOG.log(Level.WARNING, "HttpUpgradeHandler.init failed; closing the connection", x);
                endPoint.close(x);
            }
        });
    }

    /** Queues {@code handler.destroy()} and the release, the first time only. */
    void destroy() {
        dispatch(() -> {
            if (!destroyed.compareAndSet(false, true)) {
                return;
            }
            try {
                handler.destroy();
            } catch (Throwable x) {
                LOG.log(Level.WARNING, "HttpUpgradeHandler.destroy failed", x);
            } finally {
                release.accept(handler);
            }
        });
    }

    /**
     * Runs {@code task} in the web application's scope, after the callbacks already queued, on
     * this thread if none is running. For Jetty's own threads.
     */
    void invoke(Runnable task) {
        invoker.run(() -> context.run(task));
    }

    /**
     * Queues {@code task} like {@link #invoke(Runnable)}, but runs it on another thread: for
     * calls made by the application, which must not call back into it. Tasks run in the order
     * they were queued, whatever thread runs them.
     */
    void dispatch(Runnable task) {
        Runnable queue = invoker.offer(() -> context.run(task));
        if (queue != null) { // else the thread running the queue runs this task too
            execute(queue);
        }
    }

    /** Runs {@code task} on the executor, or on this thread if the executor refuses it. */
    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Executor rejected a callback; running it on the calling thread", e);
            task.run();
        }
    }

    /** For a connection's {@code toConnectionString()}. */
    String describe(Object connection) {
        return String.format("%s@%x[%s]", connection.getClass().getSimpleName(), connection.hashCode(),
                handler.getClass().getName());
    }
}
