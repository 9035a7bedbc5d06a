package dev.switchboard.jetty;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Context;

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

    private final HandlerCallbacks callbacks;
    private final UpgradedInputStream in;
    private final UpgradedOutputStream out;
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
        this.callbacks = new HandlerCallbacks(UpgradedConnection.class.getSimpleName(), executor, context, handler,
                release);
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
        callbacks.init(new EndPointWebConnection(), getEndPoint());
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
        callbacks.destroy();
    }

    /**
     * Runs {@code task} in the web application's scope, after the callbacks already queued, on
     * this thread if none is running. For Jetty's own threads.
     */
    void invoke(Runnable task) {
        callbacks.invoke(task);
    }

    /**
     * Queues {@code task} like {@link #invoke(Runnable)}, but runs it on another thread: for
     * calls made by the application, which must not call back into it. Tasks run in the order
     * they were queued, whatever thread runs them.
     */
    void dispatch(Runnable task) {
        callbacks.dispatch(task);
    }

    /** Fails the connection from a stream: the endpoint closes and the handler is destroyed. */
    void fail(Throwable cause) {
        getEndPoint().close(cause);
    }

    @Override
    public String toConnectionString() {
        return callbacks.describe(this);
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
