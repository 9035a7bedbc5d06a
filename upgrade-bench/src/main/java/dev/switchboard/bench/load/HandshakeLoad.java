package dev.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A cheap load generator for WebSocket handshakes: one thread, one selector, {@code
 * connections} at a time, each going through a whole session life and starting over: connect,
 * send the opening handshake, read the 101, send a close frame, read the server's close frame
 * and its end of stream. The same client drives every target, so only the server differs.
 */
public final class HandshakeLoad {

    /** What one run measured. */
    public record Result(long handshakes, double seconds) {
        public double perSecond() {
            return handshakes / seconds;
        }
    }

    /** A masked close frame with status 1000 (RFC 6455 section 5.5.1). */
    private static final byte[] CLOSE = {(byte) 0x88, (byte) 0x82, 1, 2, 3, 4, (byte) (0x03 ^ 1), (byte) (0xe8 ^ 2)};

    private HandshakeLoad() {
    }

    public static Result run(InetSocketAddress address, String host, String path, int connections, Duration duration)
            throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer in = ByteBuffer.allocate(4096);
        long handshakes = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                open(selector, address, request);
            }
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Session s = (Session) key.attachment();
                    if (s.step(key, in)) {
                        handshakes++;
                        key.cancel();
                        key.channel().close();
                        open(selector, address, request);
                    }
                }
                selector.selectedKeys().clear();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            return new Result(handshakes, seconds);
        }
    }

    private static void open(Selector selector, InetSocketAddress address, byte[] request) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.connect(address);
        ch.register(selector, SelectionKey.OP_CONNECT, new Session(request));
    }

    /** One connection's way through a session. */
    private static final class Session {
        private final ByteBuffer out;
        private final StringBuilder head = new StringBuilder();
        private ByteBuffer close;
        private boolean switched;

        Session(byte[] request) {
            this.out = ByteBuffer.wrap(request);
        }

        /** Advances on a ready key; true when the session has closed both ways. */
        boolean step(SelectionKey key, ByteBuffer in) throws IOException {
            SocketChannel ch = (SocketChannel) key.channel();
            if (key.isConnectable()) {
                ch.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
                return false;
            }
            if (key.isWritable()) {
                ByteBuffer b = close != null ? close : out;
                ch.write(b);
                if (!b.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return false;
            }
            in.clear();
            int n = ch.read(in);
            if (n < 0) {
                if (!switched) {
                    throw new IOException("the server closed before its 101");
                }
                return true; // its close frame, then end of stream
            }
            if (!switched) {
                head.append(new String(in.array(), 0, n, StandardCharsets.ISO_8859_1));
                int end = head.indexOf("\r\n\r\n");
                if (end >= 0) {
                    if (!head.toString().startsWith("HTTP/1.1 101")) {
                        throw new IOException("expected a 101 but got: " + head.substring(0, head.indexOf("\r\n")));
                    }
                    switched = true;
                    close = ByteBuffer.wrap(CLOSE);
                    key.interestOps(SelectionKey.OP_WRITE);
                }
            }
            return false;
        }
    }
}
