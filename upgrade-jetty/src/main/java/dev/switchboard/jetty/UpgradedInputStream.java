package dev.switchboard.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.Blocker;

/**
 * The input of an {@link UpgradedConnection}, with the servlet semantics handlers are written
 * against: blocking reads until a {@link ReadListener} is set; after that, {@code isReady()}
 * before every read, {@code onDataAvailable} once data arrives after {@code isReady()} returned
 * false, {@code onAllDataRead} once at end of stream (the peer's half-close), {@code onError}
 * once on failure.
 *
 * <p>May be used from any thread; listener callbacks are serialised by the connection. This
 * class is the application's side; what it holds is an {@link InputState}, and what the
 * endpoint reports, with the listener calls that follow, is {@link InputEvents}.
 */
final class UpgradedInputStream extends ServletInputStream {

    private final UpgradedConnection connection;
    private final InputState state;
    private final InputEvents events;

    UpgradedInputStream(UpgradedConnection connection, ByteBufferPool buffers, boolean direct) {
        this.connection = connection;
        this.state = new InputState(connection, buffers, direct);
        this.events = new InputEvents(state, connection);
    }

    /** Bytes the HTTP/1.1 connection had read past the request; they come first. */
    void offer(ByteBuffer bytes) {
        state.lock.lock();
        try {
            state.buffer.offer(bytes);
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public boolean isFinished() {
        state.lock.lock();
        try {
            return state.closed || (state.eof && !state.buffer.hasContent());
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public boolean isReady() {
        int filled;
        boolean ended = false;
        boolean register = false;
        state.lock.lock();
        try {
            if (state.buffer.hasContent() || state.eof || state.failure != null || state.closed) {
                return true;
            }
            filled = state.fill();
            if (filled < 0) {
                ended = state.failure == null && state.claimEnd();
            } else if (filled == 0) {
                register = state.listener != null && state.claimInterest();
            }
        } finally {
            state.lock.unlock();
        }
        // Outside the lock: callbacks must not run under it, and a registration that fails calls back at once.
        if (ended) {
            connection.dispatch(events::notifyEnd);
        }
        if (register) {
            connection.fillInterested();
        }
        return filled != 0;
    }

    @Override
    public int available() {
        state.lock.lock();
        try {
            return state.buffer.remaining();
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (true) {
            boolean ended = false;
            state.lock.lock();
            try {
                if (state.closed) {
                    throw new IOException("the upgraded input is closed");
                }
                if (!state.buffer.hasContent() && !state.eof && state.failure == null) {
                    int filled = state.fill();
                    ended = filled < 0 && state.failure == null && state.claimEnd();
                    if (filled == 0 && state.listener != null) {
                        throw new IllegalStateException("read() while isReady() is false");
                    }
                }
                if (state.buffer.hasContent()) {
                    return state.buffer.take(b, off, len);
                }
                if (state.failure != null) {
                    throw state.failure instanceof IOException io ? io : new IOException(state.failure);
                }
                if (state.eof && !ended) {
                    return -1;
                }
            } finally {
                state.lock.unlock();
            }
            if (ended) {
                connection.dispatch(events::notifyEnd);
                return -1;
            }
            awaitReadable();
        }
    }

    /** Blocking mode only: waits until the endpoint is readable (or fails, or times out). */
    private void awaitReadable() throws IOException {
        try (Blocker.Callback readable = Blocker.callback()) {
            connection.fillInterested(readable);
            readable.block();
        }
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        Objects.requireNonNull(readListener, "readListener");
        boolean ready;
        boolean register;
        state.lock.lock();
        try {
            if (state.listener != null) {
                throw new IllegalStateException("a ReadListener is already set");
            }
            state.listener = readListener;
            ready = state.buffer.hasContent() || state.eof || state.failure != null;
            register = !ready && state.claimInterest();
        } finally {
            state.lock.unlock();
        }
        if (ready) {
            connection.dispatch(events::notifyReady);
        } else if (register) {
            connection.fillInterested();
        }
    }

    @Override
    public void close() {
        state.lock.lock();
        try {
            state.closed = true;
            state.buffer.release();
        } finally {
            state.lock.unlock();
        }
    }

    // ------------------------------------------------------------------ from the connection

    /** The endpoint became readable after {@code fillInterested()}. */
    void onFillable() {
        events.onFillable();
    }

    /** Waiting for input failed (idle timeout, or the endpoint closed). */
    void onFillFailed(Throwable cause) {
        events.onFillFailed(cause);
    }

    /** The endpoint closed; {@code notify} is false when the handler closed it itself. */
    void onClose(Throwable cause, boolean notify) {
        events.onClose(cause, notify);
    }
}
