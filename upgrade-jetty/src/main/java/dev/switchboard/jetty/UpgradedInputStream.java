package dev.switchboard.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Blocker;

/**
 * The input of an {@link UpgradedConnection}, with the servlet semantics handlers are written
 * against: blocking reads until a {@link ReadListener} is set; after that, {@code isReady()}
 * before every read, {@code onDataAvailable} once data arrives after {@code isReady()} returned
 * false, {@code onAllDataRead} once at end of stream (the peer's half-close), {@code onError}
 * once on failure.
 *
 * <p>May be used from any thread; listener callbacks are serialised by the connection.
 */
final class UpgradedInputStream extends ServletInputStream {

    private final ReentrantLock lock = new ReentrantLock();
    private final UpgradedConnection connection;

    // Guarded by lock.
    private final ReadBuffer buffer;
    private boolean eof;
    private Throwable failure;
    private boolean closed;
    private ReadListener listener;
    private boolean interested;
    private boolean endNotified;

    UpgradedInputStream(UpgradedConnection connection, ByteBufferPool buffers, boolean direct) {
        this.connection = connection;
        this.buffer = new ReadBuffer(buffers, direct);
    }

    /** Bytes the HTTP/1.1 connection had read past the request; they come first. */
    void offer(ByteBuffer bytes) {
        lock.lock();
        try {
            buffer.offer(bytes);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isFinished() {
        lock.lock();
        try {
            return closed || (eof && !buffer.hasContent());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isReady() {
        int filled;
        boolean ended = false;
        boolean register = false;
        lock.lock();
        try {
            if (buffer.hasContent() || eof || failure != null || closed) {
                return true;
            }
            filled = fill();
            if (filled < 0) {
                ended = failure == null && claimEnd();
            } else if (filled == 0) {
                register = listener != null && claimInterest();
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: callbacks must not run under it, and a registration that fails calls back at once.
        if (ended) {
            connection.dispatch(this::notifyEnd);
        }
        if (register) {
            connection.fillInterested();
        }
        return filled != 0;
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return buffer.remaining();
        } finally {
            lock.unlock();
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
            lock.lock();
            try {
                if (closed) {
                    throw new IOException("the upgraded input is closed");
                }
                if (!buffer.hasContent() && !eof && failure == null) {
                    int filled = fill();
                    ended = filled < 0 && failure == null && claimEnd();
                    if (filled == 0 && listener != null) {
                        throw new IllegalStateException("read() while isReady() is false");
                    }
                }
                if (buffer.hasContent()) {
                    return buffer.take(b, off, len);
                }
                if (failure != null) {
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                if (eof && !ended) {
                    return -1;
                }
            } finally {
                lock.unlock();
            }
            if (ended) {
                connection.dispatch(this::notifyEnd);
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
        lock.lock();
        try {
            if (listener != null) {
                throw new IllegalStateException("a ReadListener is already set");
            }
            listener = readListener;
            ready = buffer.hasContent() || eof || failure != null;
            register = !ready && claimInterest();
        } finally {
            lock.unlock();
        }
        if (ready) {
            connection.dispatch(this::notifyReady);
        } else if (register) {
            connection.fillInterested();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            buffer.release();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ from the connection

    /** The endpoint became readable after {@code fillInterested()}. */
    void onFillable() {
        lock.lock();
        try {
            interested = false;
            if (listener == null) {
                return;
            }
        } finally {
            lock.unlock();
        }
        connection.invoke(this::notifyReady);
    }

    /** Waiting for input failed (idle timeout, or the endpoint closed). */
    void onFillFailed(Throwable cause) {
        boolean notify;
        lock.lock();
        try {
            interested = false;
            if (failure == null && !eof) {
                failure = cause;
            }
            notify = listener != null && !endNotified && failure == cause;
            endNotified |= notify;
        } finally {
            lock.unlock();
        }
        if (notify) {
            connection.dispatch(() -> listener().onError(cause));
        }
    }

    /** The endpoint closed; {@code notify} is false when the handler closed it itself. */
    void onClose(Throwable cause, boolean notify) {
        Throwable error;
        lock.lock();
        try {
            buffer.release();
            if (failure == null && !eof) {
                failure = cause != null ? cause : new EofException("connection closed");
            }
            error = notify && listener != null && !endNotified && !eof ? failure : null;
            endNotified = true;
        } finally {
            lock.unlock();
        }
        if (error != null) {
            connection.dispatch(() -> listener().onError(error));
        }
    }

    // ------------------------------------------------------------------ listener calls, serialised

    /** Tells the listener what the input holds now: data, end of stream, a failure, or nothing yet. */
    private void notifyReady() {
        ReadListener l;
        boolean ended;
        Throwable error;
        lock.lock();
        try {
            l = listener;
            if (closed) {
                return;
            }
            int filled = buffer.hasContent() ? 1 : eof || failure != null ? -1 : fill();
            if (filled > 0) {
                ended = false;
                error = null;
            } else if (filled == 0) {
                if (!claimInterest()) {
                    return;
                }
                l = null;
                ended = false;
                error = null;
            } else if (endNotified) {
                return;
            } else {
                endNotified = true;
                ended = failure == null;
                error = failure;
            }
        } finally {
            lock.unlock();
        }
        if (l == null) {
            connection.fillInterested(); // nothing to read after all: wait again
        } else if (error != null) {
            l.onError(error);
        } else if (ended) {
            allDataRead(l);
        } else {
            try {
                l.onDataAvailable();
            } catch (Throwable x) {
                failApplication(l, x);
            }
        }
    }

    private void notifyEnd() {
        allDataRead(listener());
    }

    private void allDataRead(ReadListener l) {
        try {
            l.onAllDataRead();
        } catch (Throwable x) {
            failApplication(l, x);
        }
    }

    private void failApplication(ReadListener l, Throwable x) {
        try {
            l.onError(x);
        } finally {
            connection.fail(x);
        }
    }

    private ReadListener listener() {
        lock.lock();
        try {
            return listener;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ state, under lock

    /** Fills the (empty) buffer from the endpoint: bytes read, 0 for none yet, -1 at end or on failure. */
    private int fill() {
        try {
            int filled = buffer.fill(connection.getEndPoint(), connection.getInputBufferSize());
            if (filled < 0) {
                eof = true;
            }
            return filled;
        } catch (IOException | RuntimeException e) {
            failure = e;
            return -1;
        }
    }

    /** Whether this caller is the one to register fill interest (at most one registration at a time). */
    private boolean claimInterest() {
        if (interested) {
            return false;
        }
        interested = true;
        return true;
    }

    /** Whether this caller is the one to report end of stream to the listener. */
    private boolean claimEnd() {
        if (listener == null || endNotified) {
            return false;
        }
        endNotified = true;
        return true;
    }
}
