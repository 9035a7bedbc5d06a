package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** TCP without TLS. */
final class PlainTransport implements Transport {

    private final SocketChannel channel;
    private final InputStream in;

    PlainTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        // The socket adaptor's stream honours SO_TIMEOUT; a blocking channel read would not.
        this.in = channel.socket().getInputStream();
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public int readBlocking(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    @Override
    public void writeBlocking(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            channel.write(src);
        }
    }

    @Override
    public void configureNonBlocking() throws IOException {
        channel.configureBlocking(false);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public boolean shortReadDrains() {
        return true;
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        channel.write(src);
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
