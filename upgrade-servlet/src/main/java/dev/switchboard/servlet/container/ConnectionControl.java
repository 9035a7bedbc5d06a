package dev.switchboard.servlet.container;

/**
 * What a container adds to the Servlet streams of one upgraded connection. Thread-safe.
 */
public interface ConnectionControl {

    /**
     * The Servlet contract alone: input may be read on any thread, and a close is
     * {@code WebConnection.close()}.
     */
    ConnectionControl PORTABLE = new ConnectionControl() {
        @Override
        public boolean confinedReads() {
            return false;
        }

        @Override
        public void dispatchRead() {
            throw new UnsupportedOperationException("reads are not confined");
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "the Servlet API";
        }
    };

    /**
     * Whether the connection's input may only be read inside the container's read callback
     * (Tomcat's: {@code isReady()} on another thread races with its dispatch over the read
     * buffer). Then {@link #dispatchRead()} is how reading resumes.
     */
    boolean confinedReads();

    /**
     * Has the container run the read callback soon, on one of its threads, whether or not
     * new bytes arrived: bytes it already took off the socket wake nothing up by themselves.
     * Only called where reads are confined; never throws.
     */
    void dispatchRead();

    /**
     * Closes the connection at once, from any thread, and releases it in the container;
     * called after {@code WebConnection.close()}, which on some containers only marks the
     * streams closed. Never throws.
     */
    void close();

    /**
     * The capacity in bytes of the buffer the container copies a connection's non-blocking
     * writes into before they reach the socket, or 0 where it is not known. A container that
     * stops reporting {@code isReady()} when a write leaves that buffer exactly full (Tomcat:
     * {@code socket.appWriteBufSize}, 8 KiB by default) holds the last bytes of such a write
     * until its poller finds the socket writable, a round trip per write; the transport keeps
     * each write below this size and flushes after it, so that the buffer is never left full.
     */
    default int writeBufferSize() {
        return 0;
    }
}
