package dev.switchboard.bench.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The soak's client: one thread, one selector, a fixed number of upgraded connections, shared
 * evenly among the chosen {@link SoakKind}s, kept open: each lives a random time between the lifetime's bounds,
 * sends a message about once an interval and checks the echo, then closes and is replaced by a
 * new one of its kind (churn), at most {@code inFlight} handshakes at a time. {@link #stop()}
 * closes them all, and {@link #run()} returns once they are closed. Seeded: two runs with the
 * same seed make the same choices.
 */
final class SoakLoad implements Runnable {

    private static final long TICK_NANOS = 100_000_000L;

    /** What the load does; durations in nanoseconds. */
    record Settings(int connections, int inFlight, long minLifetime, long maxLifetime, long sendInterval, long maxWait,
            long seed, Set<SoakKind> kinds) {
    }

    private final InetSocketAddress server;
    private final Settings settings;
    private final SoakCounters counters;
    private final Random random;
    private final Map<SoakKind, byte[]> requests = new EnumMap<>(SoakKind.class);
    private final Map<SoakKind, Integer> live = new EnumMap<>(SoakKind.class);
    private final Map<SoakKind, Integer> wanted = new EnumMap<>(SoakKind.class);
    private volatile boolean stopping;
    private int opening;

    SoakLoad(InetSocketAddress server, Settings settings, SoakCounters counters) {
        this.server = server;
        this.settings = settings;
        this.counters = counters;
        this.random = new Random(settings.seed());
        SoakKind[] kinds = settings.kinds().toArray(new SoakKind[0]);
        for (SoakKind k : SoakKind.values()) {
            live.put(k, 0);
            wanted.put(k, 0);
        }
        for (int i = 0; i < kinds.length; i++) {
            requests.put(kinds[i], kinds[i].request(server.getHostString() + ":" + server.getPort()));
            wanted.put(kinds[i], settings.connections() / kinds.length + (i < settings.connections() % kinds.length ? 1 : 0));
        }
    }

    /** Asks the load to close every connection and end; {@link #run()} returns when they are closed. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            long lastTick = 0;
            while (!stopping || !selector.keys().isEmpty()) {
                long now = System.nanoTime();
                if (!stopping) {
                    openMore(selector, now);
                }
                selector.select(20);
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    SoakConnection c = (SoakConnection) key.attachment();
                    step(key, c, () -> c.onReady(key, System.nanoTime()));
                }
                selector.selectedKeys().clear();
                if (now - lastTick >= TICK_NANOS) {
                    lastTick = now;
                    long tick = now;
                    boolean stop = stopping;
                    for (SelectionKey key : new ArrayList<>(selector.keys())) {
                        if (key.isValid()) {
                            SoakConnection c = (SoakConnection) key.attachment();
                            step(key, c, () -> c.onTick(key, tick, stop));
                        }
                    }
                }
            }
        } catch (IOException e) {
            counters.error("the client's selector failed: " + e);
        }
    }

    @FunctionalInterface
    private interface Step {
        boolean run() throws IOException;
    }

    private void step(SelectionKey key, SoakConnection c, Step step) {
        boolean wasOpening = isOpening(c);
        boolean going;
        try {
            going = step.run();
        } catch (IOException | RuntimeException e) {
            counters.error(e.getMessage() == null ? e.toString() : e.getMessage());
            c.finish(key, false);
            going = false;
        }
        if (wasOpening && !isOpening(c)) {
            opening--;
        }
        if (!going) {
            live.merge(c.kind(), -1, Integer::sum);
        }
    }

    private static boolean isOpening(SoakConnection c) {
        return c.state() == SoakConnection.State.CONNECTING || c.state() == SoakConnection.State.HANDSHAKE;
    }

    /** Starts connections until every kind has its share, at most {@code inFlight} handshakes at a time. */
    private void openMore(Selector selector, long now) {
        List<SoakKind> short_ = new ArrayList<>();
        for (SoakKind k : SoakKind.values()) {
            if (live.get(k) < wanted.get(k)) {
                short_.add(k);
            }
        }
        int i = 0;
        while (!short_.isEmpty() && opening < settings.inFlight()) {
            SoakKind kind = short_.get(i++ % short_.size());
            if (live.get(kind) >= wanted.get(kind)) {
                short_.remove(kind);
                continue;
            }
            long lifetime = settings.minLifetime()
                    + (long) (random.nextDouble() * (settings.maxLifetime() - settings.minLifetime()));
            SoakConnection c = new SoakConnection(kind, requests.get(kind), counters, random, now, lifetime,
                    settings.sendInterval(), settings.maxWait());
            live.merge(kind, 1, Integer::sum);
            opening++;
            try {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(server);
                ch.register(selector, SelectionKey.OP_CONNECT, c);
            } catch (IOException e) {
                counters.error("opening a " + kind + " connection: " + e);
                live.merge(kind, -1, Integer::sum);
                opening--;
                return;
            }
        }
    }
}
