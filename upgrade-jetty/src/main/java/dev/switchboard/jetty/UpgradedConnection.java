package dev.switchboard.jetty;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.util.thread.SerializedInvoker;

/**
 * What a Jetty {@link EndPoint} runs after a switch, in place of the HTTP/1.1 connection: it
 * presents the endpoint to an {@link HttpUpgradeHandler} as a {@link WebConnection} with
 * non-blocking (and blocking) servlet streams.
 *
 * <p>Jetty installs it when the response that switched is complete, handing over the bytes
 * the client sent after the request that the HTTP/1.1 connection had already read
 * ({@link #onUpgradeTo(ByteBuffer)}); everything later is read from the endpoint. So the
 * handler sees the same bytes whether the client sent them together with the request or
 * waited for the 101.
 *
 * <p>Callbacks into the application ({@code init}, {@code ReadListener}, {@code WriteListener},
 * {@code destroy}) never run concurrently with each other, and run in the web application's
 * context (its class loader is the thread's context class loader), as on Tomcat.
 */
final class UpgradedConnection extends AbstractConnection implements Connection.UpgradeTo {

    private static final Logger LOG = Logger.getLogger(UpgradedConnection.class.getName());

    private final HttpUpgradeHandler handler;
    private final Context context;
    private final Consumer<HttpUpgradeHandler> release;
    private final SerializedInvoker invoker;
    private final UpgradedInputStream in;
    private final UpgradedOutputStream out;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile boolean closedByApplication;

    /**
     * @param endPoint the endpoint of the connection being switched
     * @param executor runs callbacks
     * @param buffers lends read and write buffers
     * @param directInput whether to read into direct buffers
     * @param directOutput whether to copy writes into direct buffers
     * @param context the web application's context, in whose scope callbacks run
     * @param handler the protocol that takes the connection over
     * @param release called once after {@code handler.destroy()}, to undo container injection
     */
    UpgradedConnection(EndPoint endPoint, Executor executor, ByteBufferPool buffers, boolean directInput,
            boolean directOutput, Context context, HttpUpgradeHandler handler, Consumer<HttpUpgradeHandler> release) {
        super(endPoint, executor);
        this.handler = handler;
        this.context = context;
        this.release = release;
        this.invoker = new SerializedInvoker(UpgradedConnection.class.getSimpleName(), executor);
        this.in = new UpgradedInputStream(this, buffers, directInput);
        this.out = new UpgradedOutputStream(this, buffers, directOutput);
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        in.offer(buffer);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        dispatch(this::init);
    }

    @Override
    public void onFillable() {
        in.onFillable();
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        in.onFillFailed(cause);
        getEndPoint().close(cause);
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        boolean notify = !closedByApplication;
        in.onClose(cause, notify);
        out.onClose(cause);
        dispatch(this::destroy);
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
        if (queue == null) {
            return; // the thread running the queue runs this task too
        }
        try {
            getExecutor().execute(queue);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Executor rejected a callback; running it on the calling thread", e);
            queue.run();
        }
    }

    /** Fails the connection from a stream: the endpoint closes and the handler is destroyed. */
    void fail(Throwable cause) {
        getEndPoint().close(cause);
    }

    private void init() {
        try {
            handler.init(new EndPointWebConnection());
        } catch (Throwable x) {
            LOG.log(Level.WARNING, "HttpUpgradeHandler.init failed; closing the connection", x);
            getEndPoint().close(x);
        }
    }

    private void destroy() {
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
    }

    @Override
    public String toConnectionString() {
        return String.format("%s@%x[%s]", getClass().getSimpleName(), hashCode(), handler.getClass().getName());
    }

    /** The handler's view of the connection. */
    private final class EndPointWebConnection implements WebConnection {
        @Override
        public ServletInputStream getInputStream() {
            return in;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }

        /** Closes the connection now; a write still in progress is abandoned. */
        @Override
        public void close() {
            closedByApplication = true;
            getEndPoint().close();
        }
    }
}
