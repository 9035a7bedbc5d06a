package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A backend's side of a connection held in memory: reads hand out {@code bytes} at most
 * {@code piece} at a time, then the end of the stream; writes are taken and dropped.
 */
final class BytesTransport implements Transport {

    private final byte[] bytes;
    private final int piece;
    private int position;

    BytesTransport(byte[] bytes, int piece) {
        this.bytes = bytes;
        this.piece = piece;
    }

    @Override
    public SocketChannel channel() {
        throw new UnsupportedOperationException("no socket in memory");
    }

    @Override
    public int readBlocking(byte[] b, int off, int len) {
        if (position == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, piece), bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void writeBlocking(ByteBuffer src) {
        src.position(src.limit());
    }

    @Override
    public void configureNonBlocking() {
        // nothing to switch
    }

    @Override
    public int read(ByteBuffer dst) {
        byte[] b = new byte[dst.remaining()];
        int n = readBlocking(b, 0, b.length);
        if (n > 0) {
            dst.put(b, 0, n);
        }
        return n;
    }

    @Override
    public void write(ByteBuffer src) {
        writeBlocking(src);
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        // nothing to end
    }

    @Override
    public void close() {
        // nothing to release
    }
}
