package dev.switchboard.proxy.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A cap on concurrent tunnels, handshakes in progress included. Thread-safe. */
final class Capacity {

    private final int max;
    private final AtomicInteger used = new AtomicInteger();

    Capacity(int max) {
        this.max = max;
    }

    /** A permit, or null when all {@code max} are in use. */
    Permit tryAcquire() {
        while (true) {
            int n = used.get();
            if (n >= max) {
                return null;
            }
            if (used.compareAndSet(n, n + 1)) {
                return new Permit();
            }
        }
    }

    int max() {
        return max;
    }

    /** One place in the cap; {@link #release()} may be called any number of times, from any thread. */
    final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                used.decrementAndGet();
            }
        }
    }
}
