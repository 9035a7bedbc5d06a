package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import dev.switchboard.bench.load.IdleConnections;

/**
 * The measurement of the memory scenarios: after a warm-up of 200 connections opened and closed,
 * the server's heap after collection is read, then connections are switched in ten steps and
 * left idle, the heap read after each step. Stepping stops early when a step fails (the server
 * out of heap or descriptors) or leaves the heap more than {@value #FULL_PERCENT}% full after
 * collection, so that the figure is that of the highest count reached.
 */
final class IdleHeap {

    static final int IN_FLIGHT = 64;
    static final int FULL_PERCENT = 85;
    private static final Duration OPEN_WITHIN = Duration.ofMinutes(1);
    private static final int WARM_UP = 200;

    /**
     * What one server held.
     *
     * @param asked   connections asked for
     * @param open    connections switched and open when stepping stopped
     * @param idle    of those, the ones still idle at the end (the server had closed none)
     * @param before  heap after collection before the first step, in bytes
     * @param after   heap after collection after the last step, in bytes
     * @param failure why stepping stopped short, or null
     */
    record Measured(int asked, int open, int idle, long before, long after, String failure) {

        double perConnectionKiB() {
            return (after - before) / 1024.0 / Math.max(1, open);
        }

        /** Whether all that were asked for were opened and all stayed open. */
        boolean held() {
            return failure == null && open == asked && idle == open;
        }
    }

    private IdleHeap() {
    }

    /** Switches {@code count} connections to {@code server} with {@code request} and reads its heap. */
    static Measured measure(String label, IdleServer server, byte[] request, int count) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        try (IdleConnections warm = new IdleConnections(address, request, IN_FLIGHT)) {
            if (!warm.add(WARM_UP, OPEN_WITHIN)) {
                throw new IOException(label + " warm-up: " + warm.failure());
            }
        }
        Thread.sleep(1000);
        long before = server.heapAfterGc()[0];
        long after = before;
        int reached = 0;
        String stop = null;
        int step = Math.max(1, count / 10);
        try (IdleConnections open = new IdleConnections(address, request, IN_FLIGHT)) {
            while (reached < count && stop == null) {
                boolean all = open.add(Math.min(step, count - reached), OPEN_WITHIN);
                if (!all || !server.isAlive()) {
                    stop = server.isAlive() ? open.failure() : "the server ran out of heap (OutOfMemoryError)";
                    break;
                }
                Thread.sleep(500);
                long[] heap = server.heapAfterGc();
                reached = open.count();
                after = heap[0];
                System.out.printf(Locale.ROOT, "memory: %s %d open, %.1f MiB used of %.0f%n", label, reached,
                        after / 1048576.0, heap[1] / 1048576.0);
                if (reached < count && after * 100 > heap[1] * FULL_PERCENT) {
                    stop = String.format(Locale.ROOT, "stopped: heap %.0f%% full after collection",
                            after * 100.0 / heap[1]);
                }
            }
            return new Measured(count, open.count(), open.stillIdle(), before, after, stop);
        }
    }

    /** A WebSocket opening handshake for {@code path} on the loopback {@code port}, without {@code Origin}. */
    static byte[] webSocketRequest(String path, int port) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
