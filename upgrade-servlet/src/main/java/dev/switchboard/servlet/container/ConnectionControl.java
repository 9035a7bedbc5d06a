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
}
