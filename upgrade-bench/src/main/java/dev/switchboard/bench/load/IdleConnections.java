package dev.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many upgraded connections held open and idle, for measuring what each costs the server:
 * opened by one thread with one selector, a bounded number of handshakes in flight at a
 * time, each sending the same upgrade request and reading its 101 to the end of the head.
 * Whatever the server sends after the head is left unread.
 */
public final class IdleConnections implements AutoCloseable {

    private final InetSocketAddress address;
    private final byte[] request;
    private final int inFlight;
    private final List<SocketChannel> open = new ArrayList<>();
    private String failure;

    /**
     * Holds connections to {@code address}, each switched with {@code request}, opened with at
     * most {@code inFlight} handshakes at a time; none are open until {@link #add}.
     */
    public IdleConnections(InetSocketAddress address, byte[] request, int inFlight) {
        this.address = address;
        this.request = request;
        this.inFlight = inFlight;
    }

    /**
     * Opens and switches up to {@code count} more connections, stopping at the first that
     * fails (refused, out of descriptors, anything but a 101) or when {@code within} has
     * passed. Those that made it stay open until {@link #close()}.
     *
     * @return true if all of them were switched; else {@link #failure()} says why not
     */
    public boolean add(int count, Duration within) throws IOException {
        if (failure != null) {
            return false;
        }
        int switched = 0;
        long deadline = System.nanoTime() + within.toNanos();
        int started = 0;
        try (Selector selector = Selector.open()) {
            while (failure == null && switched < count) {
                while (started < count && selector.keys().size() < inFlight) {
                    try {
                        SocketChannel ch = SocketChannel.open();
                        ch.configureBlocking(false);
                        ch.connect(address);
                        ch.register(selector, SelectionKey.OP_CONNECT, new Handshake(request));
                        started++;
                    } catch (IOException e) {
                        failure = "opening connection " + (open.size() + 1) + ": " + e;
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    failure = "connection " + (open.size() + 1) + " not switched within " + within.toSeconds() + " s";
                }
                if (failure != null || selector.keys().isEmpty()) {
                    break;
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (((Handshake) key.attachment()).step(key)) {
                            key.cancel();
                            open.add((SocketChannel) key.channel());
                            switched++;
                        }
                    } catch (IOException e) {
                        failure = "connection " + (open.size() + 1) + ": " + e.getMessage();
                        key.channel().close();
                        break;
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                if (key.isValid()) {
                    key.channel().close();
                }
            }
        }
        return failure == null;
    }

    /** Connections switched and open. */
    public int count() {
        return open.size();
    }

    /**
     * How many of the open connections are still idle as the server left them: nothing more has
     * arrived since the 101 (no close frame, no end of stream). Reads without waiting, so a
     * server that closed a connection a moment ago may not be seen yet.
     */
    public int stillIdle() throws IOException {
        ByteBuffer probe = ByteBuffer.allocate(1);
        int idle = 0;
        for (SocketChannel ch : open) {
            probe.clear();
            if (ch.read(probe) == 0) {
                idle++;
            }
        }
        return idle;
    }

    /** Why opening stopped short of a count asked for, or null if it has not. */
    public String failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel ch : open) {
            ch.close();
        }
        open.clear();
    }

    private static final class Handshake {
        private final ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocate(1024);

        Handshake(byte[] request) {
            this.out = ByteBuffer.wrap(request);
        }

        boolean step(SelectionKey key) throws IOException {
            SocketChannel ch = (SocketChannel) key.channel();
            if (key.isConnectable()) {
                ch.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
                return false;
            }
            if (key.isWritable()) {
                ch.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return false;
            }
            if (ch.read(in) < 0) {
                throw new IOException("closed before the end of the 101");
            }
            String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            if (!head.contains("\r\n\r\n")) {
                if (!in.hasRemaining()) {
                    throw new IOException("a response head longer than " + in.capacity() + " bytes");
                }
                return false;
            }
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("expected a 101 but got " + head.lines().findFirst().orElse(""));
            }
            return true;
        }
    }
}
