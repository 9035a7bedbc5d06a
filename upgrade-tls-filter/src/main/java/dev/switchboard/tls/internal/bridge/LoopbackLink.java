package dev.switchboard.tls.internal.bridge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;

import dev.switchboard.servlet.nio.BoundedQueue;
import dev.switchboard.servlet.nio.Reactor;

/**
 * The container-side half of an RFC 2817 connection: a non-blocking socket to the
 * container's own connector, driven by the application's bridge {@link Reactor}.
 *
 * <p>Toward the container, bytes are written at once when the socket takes them and queued
 * otherwise (a {@link BoundedQueue}); past {@code maxQueued} bytes the peer is asked to stop
 * reading from the client until the queue is down to half. Nothing is sent before {@link #release()}: the bridge
 * registers the socket's identity first, so that the container never sees a byte of it
 * before this application can recognise it. From the container, bytes are read on the
 * reactor thread and handed to the peer, which may stop the reading while its client is
 * slow.
 *
 * <p>Every method, and every call into the {@link Peer}, runs serialised with the peer's
 * connection (the reactor's events go through {@link Peer#serialized}). Not thread-safe
 * otherwise.
 */
public final class LoopbackLink implements Reactor.Handler {

    /** The TLS side of the connection. */
    public interface Peer {
        /** Runs {@code task} serialised with the connection; false if the connection has closed. */
        boolean serialized(Runnable task);

        /** The socket is connected from {@code local}. */
        void linkConnected(InetSocketAddress local);

        /**
         * Bytes from the container, valid during the call.
         *
         * @return whether to go on reading; false pauses until {@link #resumeReading()}
         */
        boolean fromContainer(ByteBuffer data);

        /** The container closed its side ({@code cause} null) or the socket failed. */
        void linkClosed(IOException cause);

        /** Stop reading from the client: the container is not taking bytes. */
        void pauseClient();

        /** Resume reading from the client. */
        void resumeClient();
    }

    private static final ThreadLocal<ByteBuffer> READ_BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(16 * 1024));

    private final Reactor reactor;
    private final Peer peer;
    private final BoundedQueue queue;
    private final BoundedQueue.Sink sink = this::write;
    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    private boolean released;
    private boolean readingPaused;
    private boolean shutdownRequested;
    private boolean outputShut;
    private boolean inputEnded;
    private boolean closed;

    public LoopbackLink(Reactor reactor, Peer peer, long maxQueued) {
        this.reactor = reactor;
        this.peer = peer;
        this.queue = new BoundedQueue(maxQueued);
    }

    /** Starts connecting to {@code target}; {@link Peer#linkConnected} or {@link Peer#linkClosed} follows. */
    public void connect(InetSocketAddress target) throws IOException {
        if (reactor.isStopped()) {
            throw new IOException("the application is stopping");
        }
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean now = channel.connect(target);
        try {
            reactor.register(channel, now ? 0 : SelectionKey.OP_CONNECT, this, k -> peer.serialized(() -> {
                key = k;
                if (k == null) {
                    fail(new IOException("the bridge socket could not be registered"));
                } else if (now) {
                    connected();
                }
            }));
        } catch (RejectedExecutionException e) {
            channel.close();
            throw new IOException("the application is stopping", e);
        }
    }

    /** Allows bytes to go to the container, starting with what is queued. */
    public void release() throws IOException {
        released = true;
        flush();
    }

    /**
     * Sends {@code data} to the container: at once if possible, else a copy is queued.
     * Ignored after {@link #shutdownOutput()} or {@link #close()}.
     */
    public void send(ByteBuffer data) {
        if (closed || shutdownRequested || !data.hasRemaining()) {
            return;
        }
        boolean full;
        try {
            boolean wasFull = queue.isBacklogged();
            queue.offer(data, ready() ? sink : null);
            full = !wasFull && queue.isBacklogged();
        } catch (IOException e) {
            fail(e);
            return;
        }
        if (full) {
            peer.pauseClient();
        }
        if (!queue.isEmpty()) {
            updateInterest();
        }
    }

    /** No more requests will follow: the container is told so after what is queued. */
    public void shutdownOutput() {
        if (closed || shutdownRequested) {
            return;
        }
        shutdownRequested = true;
        try {
            flush();
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Pauses reading from the container. */
    public void pauseReading() {
        readingPaused = true;
        updateInterest();
    }

    /** Resumes reading from the container. */
    public void resumeReading() {
        readingPaused = false;
        updateInterest();
    }

    /** Whether reading from the container is paused, because the client does not take what was read. */
    public boolean readingPaused() {
        return readingPaused;
    }

    /** Closes the socket; idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    @Override
    public void stopped() {
        peer.serialized(() -> fail(new IOException("the application is stopping")));
    }

    @Override
    public void ready(SelectionKey k) {
        int ops = k.readyOps();
        if (!peer.serialized(() -> handle(ops))) {
            close();
        }
    }

    private void handle(int ops) {
        if (closed) {
            return;
        }
        try {
            if ((ops & SelectionKey.OP_CONNECT) != 0) {
                if (!channel.finishConnect()) {
                    return;
                }
                connected();
                return;
            }
            if ((ops & SelectionKey.OP_WRITE) != 0) {
                flush();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && !closed) {
                read();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void connected() {
        try {
            connected = true;
            peer.linkConnected((InetSocketAddress) channel.getLocalAddress());
            if (!closed) {
                flush();
                updateInterest();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void read() throws IOException {
        ByteBuffer buffer = READ_BUFFERS.get();
        while (!closed && !readingPaused) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                inputEnded = true;
                updateInterest();
                peer.linkClosed(null);
                return;
            }
            if (n == 0) {
                return;
            }
            buffer.flip();
            if (!peer.fromContainer(buffer)) {
                readingPaused = true;
            }
        }
        updateInterest();
    }

    private void flush() throws IOException {
        if (!ready()) {
            return;
        }
        queue.drainTo(sink);
        if (queue.resumeAtHalf() != null) {
            peer.resumeClient();
        }
        if (queue.isEmpty() && shutdownRequested && !outputShut && !closed) {
            outputShut = true;
            channel.shutdownOutput();
        }
        updateInterest();
    }

    private boolean write(ByteBuffer data) throws IOException {
        channel.write(data);
        return !data.hasRemaining();
    }

    private boolean ready() {
        return connected && released && !closed;
    }

    private void updateInterest() {
        if (key == null || closed || !connected) {
            return;
        }
        int ops = 0;
        if (!readingPaused && !inputEnded) {
            ops |= SelectionKey.OP_READ;
        }
        if (!queue.isEmpty() && released) {
            ops |= SelectionKey.OP_WRITE;
        }
        reactor.interest(key, ops);
    }

    private void fail(IOException e) {
        if (closed) {
            return;
        }
        close();
        peer.linkClosed(e);
    }
}
