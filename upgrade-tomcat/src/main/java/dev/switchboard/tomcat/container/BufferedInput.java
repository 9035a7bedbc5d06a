package dev.switchboard.tomcat.container;

import java.nio.ByteBuffer;

import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * The bytes a client sent right after its request, which Tomcat read with the request and put
 * back in the connection's read buffer before the handover ({@code SocketWrapperBase.unRead}):
 * they are the connection's first input, and must be taken out before it is read from the
 * socket itself. Only for a connection that leaves Tomcat's poller, whose read buffer Tomcat
 * no longer touches; called under Tomcat's socket lock.
 */
final class BufferedInput {

    private BufferedInput() {
    }

    /**
     * Takes what {@code buffers}' read buffer holds, leaving it empty.
     *
     * @return a copy of the bytes, ready to be read, or null when there were none
     */
    static ByteBuffer take(SocketBufferHandler buffers) {
        if (buffers == null || buffers.isReadBufferEmpty()) {
            return null;
        }
        buffers.configureReadBufferForRead();
        ByteBuffer held = buffers.getReadBuffer();
        ByteBuffer copy = ByteBuffer.allocate(held.remaining());
        copy.put(held).flip();
        return copy;
    }
}
