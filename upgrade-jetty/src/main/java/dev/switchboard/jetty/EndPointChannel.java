package dev.switchboard.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.function.Consumer;

import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The bytes of a {@link ChannelConnection}: reads fill straight from the {@link EndPoint}
 * into a buffer lent by Jetty's pool, writes flush straight from the caller's buffer. Only
 * when the socket takes less than all does a write copy (at most {@value #MAX_HELD} bytes of)
 * the rest into a pooled buffer and leave it to Jetty's asynchronous write, whose completion
 * is the {@code writable} event; until then further writes take nothing.
 *
 * <p>Reads happen on one thread at a time (the engine confines them to {@code readable});
 * writes happen under the engine's output lock; {@link #close()} from any thread.
 */
final class EndPointChannel implements ByteChannel {

    /** Most bytes a write keeps for Jetty to finish once the socket is full. */
    static final int MAX_HELD = 64 * 1024;

    private final EndPoint endPoint;
    private final ByteBufferPool pool;
    private final boolean directInput;
    private final boolean directOutput;
    private final Runnable needFill;
    private final Callback written = new Written();
    /** Bytes the HTTP/1.1 connection had read past the request; read first. */
    private volatile ByteBuffer leftover;
    /** The pooled buffer under the one {@link #acquire}d; confined to reads. */
    private RetainableByteBuffer lent;
    /** What Jetty is still writing for us, or null. */
    private volatile RetainableByteBuffer held;
    /** The thread inside Jetty's write, which completes there when it can: no event then. */
    private volatile Thread handing;
    private volatile IOException handingFailure;
    private volatile Runnable writable;
    private volatile Consumer<Throwable> failed;

    /**
     * @param needFill asks Jetty to report the endpoint fillable; called when a read finds nothing
     */
    EndPointChannel(EndPoint endPoint, ByteBufferPool pool, boolean directInput, boolean directOutput,
            Runnable needFill) {
        this.endPoint = endPoint;
        this.pool = pool;
        this.directInput = directInput;
        this.directOutput = directOutput;
        this.needFill = needFill;
    }

    /** Keeps a copy of the bytes read before the switch, to be read first. */
    void offer(ByteBuffer bytes) {
        if (bytes != null && bytes.hasRemaining()) {
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
            copy.put(bytes).flip();
            leftover = copy;
        }
    }

    /** Whether bytes read before the switch wait to be read, so that no fill would report them. */
    boolean hasLeftover() {
        return leftover != null;
    }

    /** Where the completion of a held write goes: {@code writable}, or {@code failed}. */
    void listen(Runnable onWritable, Consumer<Throwable> onFailed) {
        this.writable = onWritable;
        this.failed = onFailed;
    }

    ByteBuffer acquire(int capacity) {
        RetainableByteBuffer buffer = pool.acquire(capacity, directInput);
        lent = buffer;
        ByteBuffer bytes = buffer.getByteBuffer().clear();
        if (bytes.capacity() == capacity) {
            return bytes;
        }
        return bytes.limit(capacity).slice();
    }

    void release(ByteBuffer buffer) {
        RetainableByteBuffer r = lent;
        lent = null;
        if (r != null) {
            r.release();
        }
    }

    /** Bytes read into {@code into} (in fill mode), 0 (then a fill is asked for) or -1 at the end of input. */
    @Override
    public int read(ByteBuffer into) throws IOException {
        ByteBuffer left = leftover;
        if (left != null) {
            int n = Math.min(left.remaining(), into.remaining());
            into.put(into.position(), left, left.position(), n).position(into.position() + n);
            left.position(left.position() + n);
            if (!left.hasRemaining()) {
                leftover = null;
            }
            return n;
        }
        int start = into.position();
        int end = into.limit();
        int n;
        if (start == 0 && end == into.capacity()) {
            into.limit(0); // Jetty fills a buffer in flush mode, after its content
            n = endPoint.fill(into);
            into.position(into.limit()).limit(end);
        } else {
            ByteBuffer view = into.slice().limit(0);
            n = endPoint.fill(view);
            if (n > 0) {
                into.position(start + n);
            }
        }
        if (n == 0) {
            needFill.run();
        }
        return n;
    }

    /** Takes what the socket takes now, and while no write is held, up to {@value #MAX_HELD} more. */
    @Override
    public int write(ByteBuffer data) throws IOException {
        int before = data.remaining();
        while (data.hasRemaining() && held == null) {
            if (endPoint.flush(data) || !data.hasRemaining()) {
                break;
            }
            hold(data);
        }
        return before - data.remaining();
    }

    /** Whether nothing is held: all that was written is with the socket. */
    boolean flushed() {
        return held == null;
    }

    private void hold(ByteBuffer data) throws IOException {
        int n = Math.min(data.remaining(), MAX_HELD);
        RetainableByteBuffer copy = pool.acquire(n, directOutput);
        ByteBuffer bytes = copy.getByteBuffer();
        int pos = BufferUtil.flipToFill(bytes);
        bytes.put(bytes.position(), data, data.position(), n).position(bytes.position() + n);
        data.position(data.position() + n);
        BufferUtil.flipToFlush(bytes, pos);
        held = copy;
        handing = Thread.currentThread();
        try {
            endPoint.write(written, bytes);
        } finally {
            handing = null;
        }
        IOException failure = handingFailure;
        if (failure != null) {
            handingFailure = null;
            throw failure;
        }
    }

    @Override
    public boolean isOpen() {
        return endPoint.isOpen();
    }

    @Override
    public void close() {
        endPoint.close();
    }

    @Override
    public String toString() {
        return endPoint.toString();
    }

    /** The end of a held write: on the selector thread, or inside {@link #hold} when it finished at once. */
    private final class Written implements Callback {
        @Override
        public void succeeded() {
            RetainableByteBuffer done = held;
            held = null;
            if (done != null) {
                done.release();
            }
            Runnable listener = writable;
            if (handing != Thread.currentThread() && listener != null) {
                listener.run();
            }
        }

        @Override
        public void failed(Throwable cause) {
            RetainableByteBuffer done = held;
            if (done != null) {
                done.release();
            }
            // held stays set: nothing more is written on a failed connection
            Consumer<Throwable> listener = failed;
            if (handing == Thread.currentThread()) {
                handingFailure = cause instanceof IOException io ? io : new IOException(cause);
            } else if (listener != null) {
                listener.accept(cause);
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
