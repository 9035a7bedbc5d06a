package dev.switchboard.servlet.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.WebConnection;

/**
 * A {@link Transport} offered by a container adapter that lives outside the web application
 * (on the container's class path, as {@code upgrade-jetty} does), in a form made of JDK types
 * only, since the adapter cannot see this class. The adapter offers it by handing the
 * handler, in {@code init}, a {@link WebConnection} that also implements
 * {@code Supplier<Map<String, Object>>}; the map describes the transport:
 *
 * <table>
 *   <caption>The adapter form of a transport</caption>
 *   <tr><th>key</th><th>type</th><th>what it does ({@link Transport}'s contract)</th></tr>
 *   <tr><td>{@code name}</td><td>{@code String}</td><td>{@link Transport#name()}</td></tr>
 *   <tr><td>{@code channel}</td><td>{@link ByteChannel}</td><td>{@code read}: {@link Transport#read}
 *       (only inside {@code readable}, and asks for another {@code readable} itself when it
 *       returns 0); {@code write}: takes what the connection takes now, with {@code writable}
 *       to follow when it took less than all; {@code close}: {@link Transport#close()}</td></tr>
 *   <tr><td>{@code start}</td><td>{@code Consumer<Map<String, Object>>}</td><td>{@link Transport#start}
 *       with the events {@code readable} and {@code writable} ({@code Runnable}) and
 *       {@code failed} ({@code Consumer<Throwable>}); the adapter runs them in the web
 *       application's context</td></tr>
 *   <tr><td>{@code requestRead}</td><td>{@code Runnable}</td><td>{@link Transport#requestRead()};
 *       never runs {@code readable} on the calling thread</td></tr>
 *   <tr><td>{@code flush}</td><td>{@code BooleanSupplier}</td><td>{@link Transport#flush()}</td></tr>
 *   <tr><td>{@code shutdownOutput}</td><td>{@code Runnable}</td><td>{@link Transport#shutdownOutput()}</td></tr>
 *   <tr><td>{@code acquireReadBuffer}</td><td>{@code IntFunction<ByteBuffer>}</td><td>{@link Transport#acquireReadBuffer}</td></tr>
 *   <tr><td>{@code releaseReadBuffer}</td><td>{@code Consumer<ByteBuffer>}</td><td>{@link Transport#releaseReadBuffer}</td></tr>
 * </table>
 *
 * <p>Reads are confined to {@code readable}; the end of input is a read of -1; the release of
 * the connection is the handler's {@code destroy()}. The adapter gives this form only to a
 * switch that asked for it (see {@link dev.switchboard.servlet.ContainerUpgrade}).
 * Thread-safety is the adapter's, as {@link Transport} states it.
 */
public final class AdapterTransport implements Transport {

    private final String name;
    private final ByteChannel channel;
    private final Consumer<Map<String, Object>> start;
    private final Runnable requestRead;
    private final BooleanSupplier flush;
    private final Runnable shutdownOutput;
    private final IntFunction<ByteBuffer> acquire;
    private final Consumer<ByteBuffer> release;

    private AdapterTransport(Map<String, Object> form) {
        this.name = take(form, "name", String.class);
        this.channel = take(form, "channel", ByteChannel.class);
        this.start = cast(take(form, "start", Consumer.class));
        this.requestRead = take(form, "requestRead", Runnable.class);
        this.flush = take(form, "flush", BooleanSupplier.class);
        this.shutdownOutput = take(form, "shutdownOutput", Runnable.class);
        this.acquire = cast(take(form, "acquireReadBuffer", IntFunction.class));
        this.release = cast(take(form, "releaseReadBuffer", Consumer.class));
    }

    /**
     * The transport {@code connection} offers in the adapter form, or null when it offers none.
     *
     * @throws IllegalArgumentException if the form lacks a key or holds a value of another type
     */
    public static Transport of(WebConnection connection) {
        if (!(connection instanceof Supplier<?> supplier) || !(supplier.get() instanceof Map<?, ?> form)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) form;
        return new AdapterTransport(typed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(Events events) {
        Consumer<Throwable> failed = events::failed;
        start.accept(Map.of("readable", (Runnable) events::readable, "writable", (Runnable) events::writable,
                "failed", failed));
    }

    @Override
    public boolean confinedReads() {
        return true;
    }

    @Override
    public void requestRead() {
        requestRead.run();
    }

    @Override
    public ByteBuffer acquireReadBuffer(int capacity) {
        return acquire.apply(capacity);
    }

    @Override
    public void releaseReadBuffer(ByteBuffer buffer) {
        release.accept(buffer);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public boolean write(ByteBuffer data) throws IOException {
        channel.write(data);
        return !data.hasRemaining();
    }

    @Override
    public boolean flush() {
        return flush.getAsBoolean();
    }

    @Override
    public void shutdownOutput() {
        shutdownOutput.run();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            // the contract: never throws; the adapter's close reports its own failures
        }
    }

    @Override
    public String toString() {
        return name + " (" + channel + ")";
    }

    private static <T> T take(Map<String, Object> form, String key, Class<T> type) {
        Object value = form.get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("The adapter's transport must map \"" + key + "\" to a "
                    + type.getName() + " but it was " + (value == null ? "missing" : value.getClass().getName()));
        }
        return type.cast(Objects.requireNonNull(value));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
