package dev.switchboard.servlet.internal;

import java.io.ByteArrayOutputStream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The output of a fake upgraded connection, with the non-blocking contract of the servlet API:
 * it holds up to {@code capacity} bytes that the peer has not taken; past that
 * {@link #isReady()} is false, and the listener's {@code onWritePossible} follows when the
 * peer takes bytes ({@link #take}), on the thread that takes them. A write while not ready
 * fails, as it does in the containers. Thread-safe.
 */
public final class FakeOutput extends ServletOutputStream {

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private int capacity;
    private boolean waiting;
    private WriteListener listener;
    private int flushes;
    private boolean closed;

    public FakeOutput(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The peer reads up to {@code n} bytes of what was written.
     *
     * @return how many it read
     */
    public int take(int n) {
        WriteListener wake;
        int k;
        synchronized (this) {
            byte[] all = held.toByteArray();
            k = Math.min(n, all.length);
            taken.write(all, 0, k);
            held.reset();
            held.write(all, k, all.length - k);
            wake = waiting && held.size() < capacity ? listener : null;
            if (wake != null) {
                waiting = false;
            }
        }
        if (wake != null) {
            possible(wake);
        }
        return k;
    }

    /** How many bytes the peer has read. */
    public synchronized int takenCount() {
        return taken.size();
    }

    /** The peer reads everything written so far. */
    public void takeAll() {
        take(Integer.MAX_VALUE);
    }

    /** The peer now takes up to {@code bytes} before the stream stops being ready. */
    public void capacity(int bytes) {
        synchronized (this) {
            capacity = bytes;
        }
        take(0);
    }

    /** What the peer has read, in order. */
    public synchronized byte[] taken() {
        return taken.toByteArray();
    }

    /** Bytes written and not yet taken by the peer. */
    public synchronized int held() {
        return held.size();
    }

    public synchronized int flushes() {
        return flushes;
    }

    /** Whether the stream was closed: the end of output, for a transport that half-closes. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private static void possible(WriteListener l) {
        try {
            l.onWritePossible();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized boolean isReady() {
        boolean ready = held.size() < capacity;
        waiting = !ready;
        return ready;
    }

    @Override
    public void setWriteListener(WriteListener l) {
        synchronized (this) {
            listener = l;
        }
        possible(l); // as the containers do once the listener is set
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (closed) {
            throw new IllegalStateException("write after close");
        }
        if (held.size() >= capacity) {
            throw new IllegalStateException("write while not ready");
        }
        held.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }
}
