package dev.switchboard.servlet;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * One upgraded connection, as its {@link UpgradeSession} sees it: the engine's side of the
 * session. Every method may be called from any thread, including from another connection's
 * callbacks: none ever waits for a lock held by someone else's callback, so connections that
 * relay to each other cannot deadlock (except {@link #runSerially}, which says when it waits).
 *
 * <p><b>Back-pressure.</b> Output the peer does not take yet is queued; past
 * {@link HandlerOptions#maxPendingOutput()} bytes {@link #write} returns false and this
 * connection stops reading its own input until the queue is down to half, so a slow reader
 * slows its writer and memory stays bounded. A session that writes to <em>another</em>
 * connection stops its own input when that write returns false:
 * <pre>
 * public void onInput(ByteBuffer data) {
 *     if (!peer.write(data)) {
 *         connection.suspendInputUntilWritable(peer); // reads again when peer is down to half
 *     }
 * }</pre>
 * The check of {@code peer}'s queue and the registration of the wake-up are one step, so the
 * resume can never arrive before the suspension it answers. There is deliberately no bare
 * {@code resumeInput()}: a resume is either bound to a {@link WriteTarget} or to the
 * {@link InputHold} its suspension returned.
 */
public interface UpgradedConnection extends WriteTarget {

    /** Input held by {@link UpgradedConnection#suspendInput()}. */
    interface InputHold {
        /** Lets input flow again, as far as this hold goes. Idempotent; any thread. */
        void release();
    }

    /**
     * Queues {@code data} for the peer, written at once when the connection can take it and
     * copied otherwise. Consumes {@code data}.
     *
     * @return false if queued output is over the limit (wait for
     *     {@link UpgradeSession#onWritable()}) or the connection is closing, in which case the
     *     data is discarded
     */
    boolean write(ByteBuffer data);

    /** See {@link #write(ByteBuffer)}. */
    boolean write(byte[] b, int off, int len);

    /** Whether queued output is over the limit. */
    boolean isBacklogged();

    /** Closes the connection once queued output is written. Idempotent. */
    void close();

    /** Closes the connection now, discarding queued output. Idempotent. */
    void abort(Throwable cause);

    /** Whether the connection has closed or is closing. */
    boolean isClosed();

    /**
     * Ends the output once queued output is written, while input goes on: the peer reads end
     * of stream. Later writes are discarded. On a transport that cannot half-close a
     * connection (Tomcat's Servlet streams), the output stays open until {@link #close()}:
     * see {@link #transport()}.
     */
    void shutdownOutput();

    /**
     * Stops reading from the peer until the returned hold is released. At most the input
     * being delivered when this is called still arrives. Holds add up: input flows when every
     * hold is released (and nothing else holds it).
     */
    InputHold suspendInput();

    /**
     * Stops reading from the peer until {@code target}, something this session writes to,
     * can take more (its queue is down to half its limit, or it has closed). Does nothing if
     * it can take more now. Call it when a write to {@code target} returned false; at most
     * the input being delivered still arrives. Waits for several targets add up.
     */
    void suspendInputUntilWritable(WriteTarget target);

    /**
     * Runs {@code task} after {@code delay}, serialised with the callbacks, unless the
     * connection has closed by then: for protocol timers such as a handshake deadline.
     */
    ScheduledFuture<?> schedule(Runnable task, Duration delay);

    /**
     * Runs {@code task} now, on the calling thread, serialised with the callbacks, unless the
     * connection has closed: for events from outside the container, such as a backend
     * channel becoming readable, so that the task may touch the session's state without locks.
     * Waits while another thread runs a callback of this connection; called from one of its
     * callbacks, the task runs right after it instead. Call it only from threads that run no
     * other connection's callbacks at the time (a selector thread), or two callers could wait
     * for each other. Throwing closes the connection.
     *
     * @return whether the task ran (false: the connection had closed)
     */
    boolean runSerially(Runnable task);

    /** The limits in force for this connection. */
    HandlerOptions limits();

    /** The request content read before the switch (a copy); empty when there was none. */
    byte[] requestContent();

    /**
     * The name of the transport that carries this connection, for logs and diagnostics:
     * {@code servlet} for the Servlet API's non-blocking streams.
     */
    String transport();
}
