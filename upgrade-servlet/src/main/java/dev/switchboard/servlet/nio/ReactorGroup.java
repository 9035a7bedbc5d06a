package dev.switchboard.servlet.nio;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fixed number of {@link Reactor}s that connections are spread over, one after the other as
 * they arrive. One loop thread serves every event of its connections in turn, so that with
 * many connections busy at once each event waits behind the others'; with one loop per
 * processor they are served side by side, as a server's worker threads or processes are. Each
 * reactor's thread starts with its first task and stays until {@link #close()}, which stops
 * them all at once. Thread-safe.
 */
public final class ReactorGroup implements AutoCloseable {

    private final Reactor[] reactors;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param size how many reactors, at least one
     * @param names the thread name of the reactor numbered 1 to {@code size}
     * @param contextLoader the context class loader of the threads, or null for none
     */
    public ReactorGroup(int size, IntFunction<String> names, ClassLoader contextLoader) {
        if (size < 1) {
            throw new IllegalArgumentException("a reactor group needs at least one reactor, not " + size);
        }
        reactors = new Reactor[size];
        for (int i = 0; i < size; i++) {
            reactors[i] = new Reactor(names.apply(i + 1), null, contextLoader);
        }
    }

    /** The reactor for the next connection: each in turn. */
    public Reactor next() {
        return reactors[Math.floorMod(next.getAndIncrement(), reactors.length)];
    }

    /** How many reactors the group has. */
    public int size() {
        return reactors.length;
    }

    /**
     * Stops every reactor as {@link Reactor#close()} does: all of them at once, then waits for
     * their threads, together no longer than one reactor's close would.
     */
    @Override
    public void close() {
        Thread[] threads = new Thread[reactors.length];
        for (int i = 0; i < reactors.length; i++) {
            threads[i] = reactors[i].stop();
        }
        long deadline = System.nanoTime() + Reactor.STOP_MILLIS * 1_000_000;
        for (int i = 0; i < reactors.length; i++) {
            reactors[i].awaitStopped(threads[i], deadline);
        }
    }

    @Override
    public String toString() {
        return reactors.length + " reactors from " + reactors[0];
    }
}
