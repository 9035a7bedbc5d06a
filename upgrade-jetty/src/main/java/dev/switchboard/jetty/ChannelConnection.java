package dev.switchboard.jetty;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.util.Callback;

/**
 * The {@value #NAME} transport: what a Jetty {@link EndPoint} runs after a switch whose
 * handler runs on Switchboard's connection engine and asked for it. It offers the handler no
 * Servlet streams but the transport itself, in the JDK-typed form of upgrade-servlet's
 * {@code AdapterTransport} (the {@link WebConnection} given to {@code init} is a
 * {@code Supplier<Map<String, Object>>}); the engine then reads and writes the endpoint
 * directly.
 *
 * <p>Non-blocking: Jetty reports the endpoint fillable on its selector thread, and the
 * engine reads, and runs the session's callbacks, right there; a write flushes on the
 * writer's thread. Events run in the web application's context. {@code init} and
 * {@code destroy} run in order on Jetty's executor, as with {@link UpgradedConnection}.
 */
final class ChannelConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeTo {

    /** The name of this transport, as a connection reports it. */
    static final String NAME = "jetty";

    private final Context context;
    private final HandlerCallbacks callbacks;
    private final EndPointChannel channel;
    private final Callback fillable = new Fillable();
    private volatile Runnable readable;

    /**
     * @param endPoint the endpoint of the connection being switched
     * @param executor runs {@code init}, {@code destroy} and the bytes read before the switch
     * @param buffers lends read buffers, and write buffers when the socket is full
     * @param directInput whether to read into direct buffers
     * @param directOutput whether to hold unwritten bytes in direct buffers
     * @param context the web application's context, in whose scope callbacks run
     * @param handler Switchboard's handler that takes the connection over
     * @param release called once after {@code handler.destroy()}, to undo container injection
     */
    ChannelConnection(EndPoint endPoint, Executor executor, ByteBufferPool buffers, boolean directInput,
            boolean directOutput, Context context, HttpUpgradeHandler handler, Consumer<HttpUpgradeHandler> release) {
        super(endPoint, executor);
        this.context = context;
        this.callbacks = new HandlerCallbacks(ChannelConnection.class.getSimpleName(), executor, context, handler,
                release);
        this.channel = new EndPointChannel(endPoint, buffers, directInput, directOutput, this::requestFill);
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        channel.offer(buffer);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        callbacks.init(new ChannelWebConnection(), getEndPoint());
    }

    @Override
    public void onFillable() {
        Runnable listener = readable;
        if (listener != null) {
            context.run(listener);
        }
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        getEndPoint().close(cause);
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        callbacks.destroy();
    }

    /** The engine's {@code requestRead}: any thread; never reports on the calling thread. */
    private void requestRead() {
        Runnable listener = readable;
        if (listener == null) {
            return; // not started: the start asks
        }
        if (channel.hasLeftover()) {
            callbacks.execute(() -> context.run(listener));
        } else {
            requestFill();
        }
    }

    private void requestFill() {
        tryFillInterested(fillable);
    }

    private void start(Map<String, Object> events) {
        Runnable onReadable = (Runnable) events.get("readable");
        Runnable onWritable = (Runnable) events.get("writable");
        @SuppressWarnings("unchecked")
        Consumer<Throwable> onFailed = (Consumer<Throwable>) events.get("failed");
        channel.listen(() -> context.run(onWritable), cause -> context.run(() -> onFailed.accept(cause)));
        readable = onReadable;
        requestRead();
    }

    /** The transport in the form upgrade-servlet's {@code AdapterTransport} reads. */
    private Map<String, Object> form() {
        return Map.of("name", NAME,
                "channel", channel,
                "start", (Consumer<Map<String, Object>>) this::start,
                "requestRead", (Runnable) this::requestRead,
                "flush", (BooleanSupplier) channel::flushed,
                "shutdownOutput", (Runnable) getEndPoint()::shutdownOutput,
                "acquireReadBuffer", (IntFunction<ByteBuffer>) channel::acquire,
                "releaseReadBuffer", (Consumer<ByteBuffer>) channel::release);
    }

    @Override
    public String toConnectionString() {
        return callbacks.describe(this);
    }

    /** Jetty's report that the endpoint is fillable, run on the selector thread. */
    private final class Fillable implements Callback {
        @Override
        public void succeeded() {
            onFillable();
        }

        @Override
        public void failed(Throwable cause) {
            onFillInterestedFailed(cause);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** The handler's view: no streams, the transport itself. */
    private final class ChannelWebConnection implements WebConnection, Supplier<Map<String, Object>> {
        @Override
        public Map<String, Object> get() {
            return form();
        }

        @Override
        public ServletInputStream getInputStream() {
            throw new IllegalStateException("This connection runs on the " + NAME + " transport, without streams");
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("This connection runs on the " + NAME + " transport, without streams");
        }

        @Override
        public void close() {
            getEndPoint().close();
        }
    }
}
