package dev.switchboard.bench.scenario;

import java.io.IOException;

/** A server in a JVM of its own whose heap the memory scenarios read while connections to it stay idle. */
interface IdleServer extends AutoCloseable {

    /** The loopback port the server's application listens on. */
    int port();

    /** Heap used after full collections in the server's JVM, and its maximum, in bytes. */
    long[] heapAfterGc() throws IOException;

    /** Whether the server's JVM is still running (it exits on {@code OutOfMemoryError}). */
    boolean isAlive();

    @Override
    void close() throws InterruptedException;
}
