package dev.switchboard.jetty;

import jakarta.servlet.ReadListener;
import org.eclipse.jetty.io.EofException;

/**
 * The connection's side of an {@link UpgradedInputStream}: what the endpoint reports (readable,
 * waiting failed, closed) and the {@link ReadListener} calls that follow, made outside the
 * {@link InputState}'s lock and serialised by the connection: {@code onDataAvailable} once data
 * arrives after {@code isReady()} returned false, {@code onAllDataRead} once at end of stream,
 * {@code onError} once on failure; an exception from the listener fails the connection.
 */
final class InputEvents {

    private final InputState state;
    private final UpgradedConnection connection;

    InputEvents(InputState state, UpgradedConnection connection) {
        this.state = state;
        this.connection = connection;
    }

    /** The endpoint became readable after {@code fillInterested()}. */
    void onFillable() {
        state.lock.lock();
        try {
            state.interested = false;
            if (state.listener == null) {
                return;
            }
        } finally {
            state.lock.unlock();
        }
        connection.invoke(this::notifyReady);
    }

    /** Waiting for input failed (idle timeout, or the endpoint closed). */
    void onFillFailed(Throwable cause) {
        boolean notify;
        state.lock.lock();
        try {
            state.interested = false;
            if (state.failure == null && !state.eof) {
                state.failure = cause;
            }
            notify = state.listener != null && !state.endNotified && state.failure == cause;
            state.endNotified |= notify;
        } finally {
            state.lock.unlock();
        }
        if (notify) {
            connection.dispatch(() -> state.listener().onError(cause));
        }
    }

    /** The endpoint closed; {@code notify} is false when the handler closed it itself. */
    void onClose(Throwable cause, boolean notify) {
        Throwable error;
        state.lock.lock();
        try {
            state.buffer.release();
            if (state.failure == null && !state.eof) {
                state.failure = cause != null ? cause : new EofException("connection closed");
            }
            error = notify && state.listener != null && !state.endNotified && !state.eof ? state.failure : null;
            state.endNotified = true;
        } finally {
            state.lock.unlock();
        }
        if (error != null) {
            connection.dispatch(() -> state.listener().onError(error));
        }
    }

    // ------------------------------------------------------------------ listener calls, serialised

    /** Tells the listener what the input holds now: data, end of stream, a failure, or nothing yet. */
    void notifyReady() {
        ReadListener l;
        boolean ended;
        Throwable error;
        state.lock.lock();
        try {
            l = state.listener;
            if (state.closed) {
                return;
            }
            int filled = state.buffer.hasContent() ? 1 : state.eof || state.failure != null ? -1 : state.fill();
            if (filled > 0) {
                ended = false;
                error = null;
            } else if (filled == 0) {
                if (!state.claimInterest()) {
                    return;
                }
                l = null;
                ended = false;
                error = null;
            } else if (state.endNotified) {
                return;
            } else {
                state.endNotified = true;
                ended = state.failure == null;
                error = state.failure;
            }
        } finally {
            state.lock.unlock();
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

    void notifyEnd() {
        allDataRead(state.listener());
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
}
