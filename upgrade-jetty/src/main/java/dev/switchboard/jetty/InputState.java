package dev.switchboard.jetty;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.ReadListener;
import org.eclipse.jetty.io.ByteBufferPool;

/**
 * What the input of an {@link UpgradedConnection} holds and owes, shared by the two sides that
 * act on it: {@link UpgradedInputStream} (the application's reads and its listener) and
 * {@link InputEvents} (the connection's events and the listener calls that follow). Every
 * field is guarded by {@link #lock}; the helpers are called with it held. Callbacks never run
 * under it.
 */
final class InputState {

    final ReentrantLock lock = new ReentrantLock();
    private final UpgradedConnection connection;

    // Guarded by lock.
    final ReadBuffer buffer;
    /** The peer half-closed: every byte has been read from the endpoint. */
    boolean eof;
    /** Reading failed; set once. */
    Throwable failure;
    /** The application closed the stream. */
    boolean closed;
    /** Set once; null in blocking mode. */
    ReadListener listener;
    /** Fill interest is registered (at most one registration at a time). */
    boolean interested;
    /** The listener has been told of the end ({@code onAllDataRead} or {@code onError}), or never will be. */
    boolean endNotified;

    InputState(UpgradedConnection connection, ByteBufferPool buffers, boolean direct) {
        this.connection = connection;
        this.buffer = new ReadBuffer(buffers, direct);
    }

    /** Fills the (empty) buffer from the endpoint: bytes read, 0 for none yet, -1 at end or on failure. */
    int fill() {
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
    boolean claimInterest() {
        if (interested) {
            return false;
        }
        interested = true;
        return true;
    }

    /** Whether this caller is the one to report end of stream to the listener. */
    boolean claimEnd() {
        if (listener == null || endNotified) {
            return false;
        }
        endNotified = true;
        return true;
    }

    /** The listener, taking the lock. */
    ReadListener listener() {
        lock.lock();
        try {
            return listener;
        } finally {
            lock.unlock();
        }
    }
}
