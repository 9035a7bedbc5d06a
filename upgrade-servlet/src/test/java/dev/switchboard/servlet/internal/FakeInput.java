package dev.switchboard.servlet.internal;

import java.util.ArrayDeque;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * The input of a fake upgraded connection, with the non-blocking contract of the servlet API:
 * {@link #isReady()} false means the listener's {@code onDataAvailable} follows when bytes
 * arrive ({@link #feed}), on the thread that feeds them. Thread-safe.
 */
public final class FakeInput extends ServletInputStream {

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int offset;
    private boolean ended;
    private boolean waiting;
    private ReadListener listener;
    private long read;

    /** The peer sends {@code bytes}. */
    public void feed(byte[] bytes) {
        ReadListener wake;
        synchronized (this) {
            chunks.add(bytes.clone());
            wake = waiting ? listener : null;
            waiting = false;
        }
        if (wake != null) {
            available(wake);
        }
    }

    /** The peer ends its output. */
    public void end() {
        ReadListener wake;
        synchronized (this) {
            ended = true;
            wake = waiting ? listener : null;
            waiting = false;
        }
        if (wake != null) {
            available(wake);
        }
    }

    /** The container reports {@code error} to the listener, as Tomcat reports a half-close with an {@code EOFException}. */
    public void error(Throwable error) {
        ReadListener l;
        synchronized (this) {
            l = listener;
        }
        l.onError(error);
    }

    /** The container runs the read callback, whether or not anything arrived (as Tomcat's dispatch of a read does). */
    public void dispatch() {
        ReadListener l;
        synchronized (this) {
            l = listener;
            waiting = false;
        }
        available(l);
    }

    /** Bytes sent by the peer and not read yet. */
    public synchronized int unread() {
        int n = -offset;
        for (byte[] c : chunks) {
            n += c.length;
        }
        return n;
    }

    /** Bytes read so far. */
    public synchronized long bytesRead() {
        return read;
    }

    @Override
    public synchronized boolean isReady() {
        boolean ready = !chunks.isEmpty() || ended;
        waiting = !ready;
        return ready;
    }

    @Override
    public synchronized boolean isFinished() {
        return ended && chunks.isEmpty();
    }

    @Override
    public void setReadListener(ReadListener l) {
        boolean now;
        synchronized (this) {
            listener = l;
            now = !chunks.isEmpty() || ended;
            waiting = !now;
        }
        if (now) {
            available(l);
        }
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (chunks.isEmpty()) {
            if (ended) {
                return -1;
            }
            throw new IllegalStateException("read while not ready");
        }
        byte[] head = chunks.peek();
        int n = Math.min(len, head.length - offset);
        System.arraycopy(head, offset, b, off, n);
        offset += n;
        if (offset == head.length) {
            chunks.poll();
            offset = 0;
        }
        read += n;
        return n;
    }

    private static void available(ReadListener l) {
        try {
            l.onDataAvailable();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }
}
