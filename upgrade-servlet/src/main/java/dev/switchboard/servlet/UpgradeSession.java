package dev.switchboard.servlet;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A protocol after the 101: what one upgraded connection does with the bytes it receives.
 * A protocol implements this interface and is handed its {@link UpgradedConnection} when it
 * is built, by the {@link Factory} given to {@link Decision#switchTo(Factory)}; its
 * configuration goes into its constructor and final fields:
 *
 * <pre>
 * return Decision.switchTo(connection -&gt; new ChatSession(connection, room));
 *
 * final class ChatSession implements UpgradeSession {
 *     private final UpgradedConnection connection;
 *     private final Room room;
 *     ...
 *     public void onInput(ByteBuffer data) { room.broadcast(data); }
 * }</pre>
 *
 * <p><b>Threads.</b> The callbacks run one at a time, in order, never concurrently and never
 * nested, each on whichever thread the connection's engine runs on at the time (a container
 * thread, or a thread of the application that called into the connection); state touched
 * only by the callbacks needs no lock. The same session runs unchanged on every transport the
 * engine can use (see {@link UpgradedConnection#transport()}).
 *
 * <p><b>Order.</b> {@link #onOpen()} first; then {@link #onInput}, {@link #onWritable()},
 * {@link #onInputClosed()}, {@link #onTimeout} and scheduled tasks as they happen; then
 * {@link #onClosed(Throwable)}, exactly once, last. A callback that throws closes the
 * connection at once, with what it threw as the cause.
 */
public interface UpgradeSession {

    /**
     * Builds the session of one upgraded connection. Runs once per switch, on the request
     * thread, right after the connection was handed over (past the point of no return, so
     * throwing aborts the connection); the session's callbacks start once the container has
     * passed the connection on. Bytes written from here on are queued until then.
     */
    @FunctionalInterface
    interface Factory {
        /** @return the session for {@code connection}, never null */
        UpgradeSession create(UpgradedConnection connection) throws IOException;
    }

    /** Which timeout fired. */
    enum Timeout {
        /** Nothing was read or written for {@link HandlerOptions#idleTimeout()}. */
        IDLE,
        /** The peer sent nothing within {@link HandlerOptions#firstByteTimeout()} of the switch. */
        FIRST_BYTE
    }

    /** What the engine does after {@link #onInputClosed()} or {@link #onTimeout}. */
    enum Then {
        /**
         * End the connection: after the end of input, once queued output is written; after a
         * timeout, at once, discarding queued output.
         */
        CLOSE,
        /** Leave the connection open; the session closes it when it is done. */
        STAY_OPEN
    }

    /** The connection is open: the first callback, before any input. May write. */
    default void onOpen() throws IOException {
    }

    /**
     * Bytes from the peer. {@code data} is only valid during the call: copy what you keep.
     * Input is read again after this returns, unless reading is held
     * ({@link UpgradedConnection#suspendInput()}) or this connection's own output is over its
     * limit.
     */
    void onInput(ByteBuffer data) throws IOException;

    /**
     * The peer has finished sending (end of stream or half-close); no input follows.
     *
     * @return {@link Then#CLOSE} (the default) to close once queued output is written, or
     *     {@link Then#STAY_OPEN} to keep writing first
     */
    default Then onInputClosed() throws IOException {
        return Then.CLOSE;
    }

    /** Queued output fell to half its limit after a write returned false: write on. */
    default void onWritable() throws IOException {
    }

    /**
     * A timeout fired.
     *
     * @return {@link Then#CLOSE} (the default) to close the connection at once, or
     *     {@link Then#STAY_OPEN} to keep it; the timer then starts a full period over
     */
    default Then onTimeout(Timeout timeout) {
        return Then.CLOSE;
    }

    /**
     * The connection is closed; the last callback, exactly once, even when the connection
     * closed before {@link #onOpen()} ran (then it is the only one).
     *
     * @param cause why, or null for an orderly close
     */
    default void onClosed(Throwable cause) {
    }
}
