package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ClientThreads;
import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * Handlers whose callbacks write to each other ({@code pair/1}): both directions at full
 * speed at once, each side's output bounded, must neither deadlock nor lose or reorder a byte,
 * whatever the write sizes, the readers' pace or the number of pairs. Every blocking client
 * task runs on a thread of its own ({@link ClientThreads}).
 */
public abstract class RelayScenarios {

    public static WebArchive war() {
        return Deployments.upgradeApp("relay");
    }

    protected abstract ServerUnderTest server();

    /** Two connections paired by {@code pair/1}; both have been told {@code paired}. */
    private record Pair(RawConnection a, RawConnection b) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (RawConnection x = a) {
                b.close();
            }
        }
    }

    private Pair pair() throws IOException {
        ServerUnderTest s = server();
        String request = Requests.upgrade(s, "room-" + System.nanoTime(), "pair/1");
        RawConnection a = RawConnection.open(s.base());
        RawConnection b = RawConnection.open(s.base());
        a.timeout(Duration.ofSeconds(60));
        b.timeout(Duration.ofSeconds(60));
        a.send(request);
        assertThat(a.readHead().status()).isEqualTo(101);
        b.send(request);
        assertThat(b.readHead().status()).isEqualTo(101);
        assertThat(a.readString(7)).isEqualTo("paired\n");
        assertThat(b.readString(7)).isEqualTo("paired\n");
        return new Pair(a, b);
    }

    /** How a sender cuts its bytes into writes, and how a reader paces itself. */
    private interface Writes {
        int next(Random random, int left);
    }

    private static final Writes WRITES_16K = (r, left) -> Math.min(left, 16 * 1024);
    private static final Writes ONE_WRITE = (r, left) -> left;
    private static final Writes TINY_WRITES = (r, left) -> Math.min(left, 1 + r.nextInt(7));

    /**
     * Sends {@code size} random bytes each way at once over {@code pair}; a's reader pauses
     * {@code aPauseMs} after every 64 KiB. Asserts that each side receives exactly what the
     * other sent.
     */
    private static void relay(Pair pair, int size, Writes writes, long aPauseMs) throws Exception {
        List<CompletableFuture<?>> all = relayAsync(pair, size, writes, aPauseMs, 1);
        for (CompletableFuture<?> f : all) {
            f.get(180, TimeUnit.SECONDS);
        }
    }

    private static List<CompletableFuture<?>> relayAsync(Pair pair, int size, Writes writes, long aPauseMs, long seed) {
        byte[] fromA = random(size, seed * 2);
        byte[] fromB = random(size, seed * 2 + 1);
        List<CompletableFuture<?>> all = new ArrayList<>();
        all.add(send(pair.a(), fromA, writes, seed * 3));
        all.add(send(pair.b(), fromB, writes, seed * 5));
        all.add(ClientThreads.supply(() -> read(pair.a(), size, aPauseMs))
                .thenAccept(got -> assertSameBytes("what a received from b", got, fromB)));
        all.add(ClientThreads.supply(() -> read(pair.b(), size, 0))
                .thenAccept(got -> assertSameBytes("what b received from a", got, fromA)));
        return all;
    }

    @Test
    @DisplayName("two connections relaying to each other in both directions at once deliver every byte, in order")
    void bothDirectionsAtOnce() throws Exception {
        try (Pair p = pair()) {
            relay(p, 8 * 1024 * 1024, WRITES_16K, 0);
        }
    }

    @Test
    @DisplayName("a pair whose one reader is slow slows its peer's input and still delivers every byte, in order")
    void oneSlowReader() throws Exception {
        try (Pair p = pair()) {
            relay(p, 2 * 1024 * 1024, WRITES_16K, 15);
        }
    }

    @Test
    @DisplayName("sixteen pairs relaying at once each deliver every byte, in order")
    void manyPairsAtOnce() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                pairs.add(pair());
            }
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                all.addAll(relayAsync(pairs.get(i), 512 * 1024, WRITES_16K, 0, i + 10));
            }
            for (CompletableFuture<?> f : all) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            for (Pair p : pairs) {
                p.close();
            }
        }
    }

    @Test
    @DisplayName("writes of a few bytes each, both ways at once, arrive whole and in order")
    void tinyWrites() throws Exception {
        try (Pair p = pair()) {
            relay(p, 32 * 1024, TINY_WRITES, 0);
        }
    }

    @Test
    @DisplayName("one write of 4 MiB each way at once arrives whole and in order")
    void oneLargeWriteEachWay() throws Exception {
        try (Pair p = pair()) {
            relay(p, 4 * 1024 * 1024, ONE_WRITE, 0);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static CompletableFuture<Void> send(RawConnection c, byte[] data, Writes writes, long seed) {
        return ClientThreads.run(() -> {
            Random random = new Random(seed);
            for (int off = 0; off < data.length;) {
                int n = writes.next(random, data.length - off);
                c.output().write(data, off, n);
                off += n;
            }
            c.output().flush();
        });
    }

    private static byte[] read(RawConnection c, int size, long pauseMs) throws IOException, InterruptedException {
        byte[] got = new byte[size];
        int off = 0;
        int sincePause = 0;
        while (off < size) {
            int n = c.input().read(got, off, Math.min(size - off, 16 * 1024));
            if (n < 0) {
                throw new java.io.EOFException("expected " + size + " bytes but the connection ended after " + off);
            }
            off += n;
            sincePause += n;
            if (pauseMs > 0 && sincePause >= 64 * 1024) {
                Thread.sleep(pauseMs);
                sincePause = 0;
            }
        }
        return got;
    }

    /** Compares by length and first difference, without printing megabytes on failure. */
    private static void assertSameBytes(String what, byte[] actual, byte[] expected) {
        assertThat(actual.length).as(what + ": length").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as(what + ": first differing byte").isEqualTo(-1);
    }
}
