package dev.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A cheap load generator for plain HTTP/1.1 {@code GET}: one thread, one selector,
 * {@code connections} persistent connections, each sending a request and reading the whole
 * response (head and {@code Content-Length} body) before sending the next, as {@code wrk} does
 * without pipelining. A connection the server closes between responses (Tomcat does after 100
 * requests) is opened again, as {@code wrk} does. Every response must be a {@code 200}.
 */
public final class HttpGetLoad {

    /** What one run measured. */
    public record Result(long requests, double seconds) {
        public double perSecond() {
            return requests / seconds;
        }
    }

    private HttpGetLoad() {
    }

    /**
     * Sends {@code GET path} on {@code connections} connections for {@code duration}.
     *
     * @throws IOException if a connection fails or a response is not a {@code 200} with {@code Content-Length}
     */
    public static Result run(InetSocketAddress address, String host, String path, int connections, Duration duration)
            throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: switchboard-bench\r\n"
                + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long requests = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                open(selector, address, request);
            }
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    if (c.step(key)) {
                        requests++;
                    } else if (c.closedByServer) {
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
            return new Result(requests, seconds);
        }
    }

    private static void open(Selector selector, InetSocketAddress address, byte[] request) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.socket().setTcpNoDelay(true);
        ch.connect(address);
        ch.register(selector, SelectionKey.OP_CONNECT, new Conn(request));
    }

    /** One connection: writing its request, or reading a response into a buffer that grows as needed. */
    private static final class Conn {
        private final ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(4096);
        boolean closedByServer;

        Conn(byte[] request) {
            this.out = ByteBuffer.wrap(request);
        }

        /** Advances on a ready key; true when a whole response has been read. */
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
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (ch.read(in) < 0) {
                if (in.position() > 0) {
                    throw new IOException("the server closed a connection in the middle of a response");
                }
                closedByServer = true;
                return false;
            }
            int length = responseLength(in.array(), in.position());
            if (length < 0 || in.position() < length) {
                return false;
            }
            if (in.position() > length) {
                throw new IOException("the server sent more than one response");
            }
            in.clear();
            out.rewind();
            key.interestOps(SelectionKey.OP_WRITE);
            return true;
        }
    }

    /** The length of head plus body once the head is complete, else -1. */
    static int responseLength(byte[] b, int n) throws IOException {
        for (int i = 3; i < n; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                String head = new String(b, 0, i + 1, StandardCharsets.ISO_8859_1);
                if (!head.startsWith("HTTP/1.1 200")) {
                    throw new IOException("expected a 200 but got " + head.lines().findFirst().orElse(head));
                }
                return i + 1 + contentLength(head);
            }
        }
        return -1;
    }

    private static int contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        throw new IOException("a response without Content-Length: " + head);
    }
}
