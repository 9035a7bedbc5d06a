package dev.switchboard.servlet.container;

import java.io.IOException;
import java.nio.ByteBuffer;

import dev.switchboard.servlet.nio.Reactor;

/**
 * What Switchboard's connection engine needs from a connection after its switch: non-blocking
 * reads and writes, readiness callbacks, half-close and a close from any thread. The Servlet
 * API's streams are one implementation (the {@code servlet} transport); a container's own
 * upgrade mechanism (Tomcat's internal upgrade handlers and poller, Jetty's non-blocking
 * connections on the selector thread) fits the same contract, so that sessions run unchanged
 * on every transport. A container's transport reaches the engine through
 * {@link ContainerSupport#transport}, or, for an adapter that lives outside the web
 * application, in the JDK-typed form that {@link AdapterTransport} reads.
 *
 * <p><b>Reads</b> follow the NIO channel contract: {@link #read} returns the bytes read,
 * {@code 0} when none are there yet (then {@link Events#readable()} follows when some
 * arrive), or {@code -1} at the end of input. Where reads are confined to the transport's own
 * callbacks ({@link #confinedReads()}: Tomcat reads under its socket lock, Jetty on its
 * selector thread), the engine reads only inside {@link Events#readable()} and asks for
 * another with {@link #requestRead()} when it resumes; elsewhere it may read on any thread.
 * Read buffers come from the transport, so that one with a pool of direct buffers can use it.
 *
 * <p><b>Writes</b> take what the connection can take now: {@link #write} and {@link #flush}
 * return false when they stop short, and {@link Events#writable()} follows when more can go.
 * The engine calls them under its output lock, one thread at a time.
 *
 * <p>Only {@link #close()} and {@link #requestRead()} may be called concurrently with other
 * methods.
 */
public interface Transport {

    /** The name of the transport that runs on the Servlet API's streams. */
    String SERVLET = "servlet";

    /** What a transport reports to the engine, from its own threads. */
    interface Events {
        /** Input may be readable; where reads are confined, the engine may read during this call. */
        void readable();

        /** The peer ended its output, seen other than by a read returning -1. */
        void inputEnded();

        /** Output can take more, after a write or flush that returned false. */
        void writable();

        /** The connection failed; the engine closes it. */
        void failed(Throwable cause);

        /** The container has released the connection: nothing follows. */
        void closed();
    }

    /** The name of this kind of transport, as {@link dev.switchboard.servlet.UpgradedConnection#transport()} reports it. */
    String name();

    /**
     * The {@link Reactor} whose thread reports this transport's readiness, where it is one of
     * Switchboard's own (Tomcat's {@code tomcat-loop}); null where the container's threads do.
     * A session may put channels of its own on it (see {@link dev.switchboard.servlet.nio.LoopBound}).
     */
    default Reactor loop() {
        return null;
    }

    /** Starts reporting to {@code events}; the engine calls this once, before any read or write. */
    void start(Events events) throws IOException;

    /** Whether reads may only happen inside {@link Events#readable()} (see the class comment). */
    boolean confinedReads();

    /** Asks for an {@link Events#readable()} call, at once where reads are not confined. Any thread. */
    void requestRead();

    /** A buffer to read into, cleared, holding at least {@code capacity} bytes. */
    ByteBuffer acquireReadBuffer(int capacity);

    /** Gives back a buffer from {@link #acquireReadBuffer}, once its bytes have been delivered. */
    void releaseReadBuffer(ByteBuffer buffer);

    /** Reads into {@code into}: bytes read, 0 when none are there yet, -1 at the end of input. */
    int read(ByteBuffer into) throws IOException;

    /**
     * Whether a read that fills less of its buffer than it could has taken all there was, with
     * {@link Events#readable()} to follow when more arrives, just as after a read that finds
     * nothing. True for a socket channel under a level-triggered selector: the engine then
     * stops after a short read instead of reading once more to find nothing, which saves a
     * system call per message. False (the default) where a transport may hold bytes back from
     * a read (decrypted records, a container's buffers) or reports readiness only once.
     */
    default boolean shortReadDrains() {
        return false;
    }

    /**
     * Writes what the connection takes now from {@code data}, advancing its position.
     *
     * @return whether all of it was taken; false means {@link Events#writable()} follows
     */
    boolean write(ByteBuffer data) throws IOException;

    /**
     * Pushes out what the transport holds.
     *
     * @return whether it is all on its way; false means {@link Events#writable()} follows
     */
    boolean flush() throws IOException;

    /**
     * Ends the output, input going on, where the transport can; where it cannot (Tomcat's
     * Servlet streams), the output stays open on the wire until the close. Called once,
     * after everything written was flushed.
     */
    void shutdownOutput() throws IOException;

    /** Closes the connection and releases it in the container; any thread, never throws. */
    void close();
}
