package dev.switchboard.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The output of an {@link UpgradedConnection}, with the servlet semantics handlers are written
 * against: blocking writes until a {@link WriteListener} is set; after that, a write is
 * allowed while {@code isReady()} is true, each write goes to the endpoint at once (copied into
 * a pooled buffer), and {@code onWritePossible} follows its completion if {@code isReady()}
 * returned false meanwhile. {@code close()} half-closes: the peer sees end of stream once the
 * last write is out, and can still send.
 *
 * <p>May be used from any thread; listener callbacks are serialised by the connection.
 */
final class UpgradedOutputStream extends ServletOutputStream {

    private final ReentrantLock lock = new ReentrantLock();
    private final UpgradedConnection connection;
    private final ByteBufferPool buffers;
    private final boolean direct;

    // Guarded by lock.
    private WriteListener listener;
    private boolean writing;
    private boolean unready;
    private boolean closed;
    private boolean shutdownAfterWrite;
    private Throwable failure;
    private boolean errorNotified;

    UpgradedOutputStream(UpgradedConnection connection, ByteBufferPool buffers, boolean direct) {
        this.connection = connection;
        this.buffers = buffers;
        this.direct = direct;
    }

    @Override
    public boolean isReady() {
        lock.lock();
        try {
            if (writing && failure == null && !closed) {
                unready = true;
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return;
        }
        boolean blocking;
        lock.lock();
        try {
            checkWritable();
            if (writing) {
                throw new IllegalStateException(listener != null
                        ? "write() while isReady() is false" : "concurrent blocking writes");
            }
            writing = true;
            blocking = listener == null;
        } finally {
            lock.unlock();
        }
        if (blocking) {
            writeBlocking(ByteBuffer.wrap(b, off, len));
        } else {
            RetainableByteBuffer.Mutable copy = buffers.acquire(len, direct);
            BufferUtil.append(copy.getByteBuffer(), b, off, len);
            connection.getEndPoint().write(new Written(copy), copy.getByteBuffer());
        }
    }

    private void writeBlocking(ByteBuffer bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            connection.getEndPoint().write(written, bytes);
            written.block();
            completed(null);
        } catch (IOException | RuntimeException e) {
            completed(e);
            throw e;
        }
    }

    /** Every write is handed to the endpoint at once: there is nothing to flush but a failure to report. */
    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            if (failure != null) {
                throw asIOException(failure);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setWriteListener(WriteListener writeListener) {
        Objects.requireNonNull(writeListener, "writeListener");
        boolean ready;
        lock.lock();
        try {
            if (listener != null) {
                throw new IllegalStateException("a WriteListener is already set");
            }
            listener = writeListener;
            ready = !writing;
            unready = writing;
        } finally {
            lock.unlock();
        }
        if (ready) {
            connection.dispatch(this::notifyWritable);
        }
    }

    /** Half-closes the connection once the write in progress, if any, is out. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (writing) {
                shutdownAfterWrite = true;
                return;
            }
        } finally {
            lock.unlock();
        }
        connection.getEndPoint().shutdownOutput();
    }

    /** The endpoint closed: later writes fail. */
    void onClose(Throwable cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause != null ? cause : new EofException("connection closed");
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ completion

    private void completed(Throwable error) {
        boolean notifyWritable;
        boolean notifyError;
        boolean shutdown;
        lock.lock();
        try {
            writing = false;
            if (error != null && failure == null) {
                failure = error;
            }
            notifyError = error != null && listener != null && !errorNotified;
            errorNotified |= notifyError;
            notifyWritable = error == null && unready;
            unready = false;
            shutdown = error == null && shutdownAfterWrite;
        } finally {
            lock.unlock();
        }
        if (shutdown) {
            connection.getEndPoint().shutdownOutput();
        }
        if (notifyError) {
            connection.dispatch(() -> notifyError(error));
        } else if (notifyWritable) {
            connection.dispatch(this::notifyWritable);
        }
    }

    private void notifyWritable() {
        WriteListener l = listener();
        try {
            l.onWritePossible();
        } catch (Throwable x) {
            try {
                l.onError(x);
            } finally {
                connection.fail(x);
            }
        }
    }

    private void notifyError(Throwable error) {
        try {
            listener().onError(error);
        } finally {
            connection.fail(error);
        }
    }

    private WriteListener listener() {
        lock.lock();
        try {
            return listener;
        } finally {
            lock.unlock();
        }
    }

    private void checkWritable() throws IOException {
        if (failure != null) {
            throw asIOException(failure);
        }
        if (closed) {
            throw new IOException("the upgraded output is closed");
        }
    }

    private static IOException asIOException(Throwable failure) {
        return failure instanceof IOException io ? io : new IOException(failure);
    }

    /** Completes one non-blocking write; only releases, records and dispatches, so never blocks. */
    private final class Written implements Callback {
        private final RetainableByteBuffer buffer;

        Written(RetainableByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void succeeded() {
            buffer.release();
            completed(null);
        }

        @Override
        public void failed(Throwable x) {
            buffer.release();
            completed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
