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
import java.util.Arrays;
import java.util.List;

/**
 * A cheap load generator for {@code echo/1}: one thread, one selector, {@code connections}
 * upgraded connections each sending a message and waiting for all of it to come back before
 * sending the next. The same client drives every target, so only the target differs. The time
 * of every round trip is kept, for percentiles.
 */
public final class EchoLoad {

    /** What one run measured. */
    public record Result(long roundTrips, long bytes, double seconds, long[] roundTripNanos) {
        public double messagesPerSecond() {
            return roundTrips / seconds;
        }

        /** Payload megabytes (10^6) per second, each way. */
        public double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }

        /** The round-trip time below which {@code percent} of the round trips completed, in microseconds. */
        public double percentileMicros(double percent) {
            if (roundTripNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = roundTripNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e3;
        }
    }

    private EchoLoad() {
    }

    /**
     * Upgrades {@code connections} connections to {@code echo/1} with {@code GET path}, then
     * for {@code duration} sends {@code messageSize}-byte messages and waits for their echo.
     *
     * @throws IOException if a connection is refused, closed, or not switched with a 101
     */
    public static Result run(InetSocketAddress address, String host, String path, int connections, int messageSize,
            Duration duration) throws IOException {
        byte[] message = new byte[messageSize];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) ('a' + i % 26);
        }
        List<SocketChannel> channels = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = upgrade(address, host, path);
                channels.add(ch);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_WRITE, new Conn(ByteBuffer.wrap(message), messageSize));
            }
            LongList times = new LongList();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            for (Conn c : attachments(selector)) {
                c.sentAt = start;
            }
            while (System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel ch = (SocketChannel) key.channel();
                    Conn c = (Conn) key.attachment();
                    if (key.isWritable()) {
                        ch.write(c.out);
                        if (!c.out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        in.clear();
                        int n = ch.read(in);
                        if (n < 0) {
                            throw new IOException("the target closed an echo connection");
                        }
                        c.received += n;
                        if (c.received == c.size) {
                            long now = System.nanoTime();
                            times.add(now - c.sentAt);
                            c.sentAt = now;
                            c.received = 0;
                            c.out.rewind();
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(times.size(), (long) times.size() * messageSize, seconds, times.toArray());
        } finally {
            for (SocketChannel ch : channels) {
                ch.close();
            }
        }
    }

    private static List<Conn> attachments(Selector selector) {
        List<Conn> out = new ArrayList<>();
        selector.keys().forEach(k -> out.add((Conn) k.attachment()));
        return out;
    }

    /** Opens a connection and switches it to {@code echo/1}, reading the 101 exactly to its end. */
    private static SocketChannel upgrade(InetSocketAddress address, String host, String path) throws IOException {
        SocketChannel ch = SocketChannel.open(address);
        ch.socket().setTcpNoDelay(true);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1));
        while (out.hasRemaining()) {
            ch.write(out);
        }
        StringBuilder head = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            one.clear();
            if (ch.read(one) < 0) {
                throw new IOException("connection closed before the 101: " + head);
            }
            head.append((char) one.get(0));
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("expected a 101 but got " + head);
        }
        return ch;
    }

    private static final class Conn {
        final ByteBuffer out;
        final int size;
        int received;
        long sentAt;

        Conn(ByteBuffer out, int size) {
            this.out = out;
            this.size = size;
        }
    }

    /** A growable list of longs, so that a run's hundreds of thousands of samples are not boxed. */
    private static final class LongList {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
