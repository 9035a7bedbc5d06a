package dev.switchboard.tls.internal.bridge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RFC 2817 connections open at a time, in all and per client address: a connection takes
 * a slot with its 101 and gives it back when it closes, so that neither the whole server nor
 * one host (holding upgrades without ever finishing a handshake, say) can have more than its
 * limit. Thread-safe.
 */
final class ConnectionSlots {

    private final int max;
    private final int maxPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

    ConnectionSlots(int max, int maxPerClient) {
        this.max = max;
        this.maxPerClient = maxPerClient;
    }

    /** Takes a slot for {@code client}; false, taking none, when either limit is reached. */
    boolean tryTake(String client) {
        while (true) {
            int n = open.get();
            if (n >= max) {
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                break;
            }
        }
        boolean[] taken = {false};
        byClient.compute(client, (k, count) -> {
            int c = count == null ? 0 : count;
            if (c >= maxPerClient) {
                return count;
            }
            taken[0] = true;
            return c + 1;
        });
        if (!taken[0]) {
            open.decrementAndGet();
        }
        return taken[0];
    }

    /** Gives back a slot that {@link #tryTake} gave {@code client}. */
    void give(String client) {
        byClient.computeIfPresent(client, (k, count) -> count <= 1 ? null : count - 1);
        open.decrementAndGet();
    }

    /** Whether every slot is taken. */
    boolean full() {
        return open.get() >= max;
    }

    /** Whether {@code client} holds all the slots it may. */
    boolean fullFor(String client) {
        Integer count = byClient.get(client);
        return count != null && count >= maxPerClient;
    }

    int open() {
        return open.get();
    }
}
