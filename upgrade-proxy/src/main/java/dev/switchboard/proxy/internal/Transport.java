package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The byte stream to a backend over its socket channel: plain TCP, or TLS over it. Used in
 * two phases: blocking while the request thread sends the request and reads the response
 * head (reads wait at most the socket's {@code SO_TIMEOUT}), then non-blocking in the relay.
 *
 * <p>Thread use: reads happen on one thread at a time; writes, {@link #flush()} and
 * {@link #shutdownOutput()} happen under the caller's lock, possibly on another thread.
 */
interface Transport {

    SocketChannel channel();

    /** Blocking phase: completes any handshake; reads at most {@code len} bytes, -1 at the end. */
    int readBlocking(byte[] b, int off, int len) throws IOException;

    /** Blocking phase: writes all of {@code src}. */
    void writeBlocking(ByteBuffer src) throws IOException;

    /** Switches to the non-blocking phase. */
    void configureNonBlocking() throws IOException;

    /** Reads what is available into {@code dst}: the count, 0 for nothing yet, -1 at the end. */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Whether a non-blocking read that fills less of its buffer than it could has taken all
     * there was, so that the relay waits for readiness instead of reading once more to find
     * nothing: true for a plain channel under a level-triggered selector, false where
     * decrypted bytes may be held back.
     */
    default boolean shortReadDrains() {
        return false;
    }

    /** Takes as much of {@code src} as it can without blocking. */
    void write(ByteBuffer src) throws IOException;

    /** Writes bytes the transport holds itself; true when none are left. */
    boolean flush() throws IOException;

    /** Whether a read left bytes to send (a TLS handshake message): call {@link #flush()}. */
    default boolean wantsFlush() {
        return false;
    }

    /** Ends the output (TCP FIN; for TLS, close_notify first) once flushed. */
    void shutdownOutput() throws IOException;

    /** Closes the connection now; never throws. */
    void close();
}
