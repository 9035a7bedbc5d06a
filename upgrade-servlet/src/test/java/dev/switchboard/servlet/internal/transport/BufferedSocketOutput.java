package dev.switchboard.servlet.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * An upgraded connection's output as Tomcat's NIO connector has it: a write buffer of a fixed
 * capacity in front of a socket that takes a bounded number of bytes per call and holds a
 * bounded number the peer has not read. A non-blocking write fills the buffer, sends it each
 * time it is full and keeps the rest in the buffer (and what the socket refused in an overflow);
 * a write that leaves the buffer exactly full leaves it unsent. {@link #isReady()} is false while
 * the buffer is full, the overflow holds bytes or a flush left some; a write or flush then
 * throws, and only the "poller" ({@link #poll()}, when the socket has room) makes the stream
 * ready again, with {@code onWritePossible}. Each false {@code isReady()} counts as a wait for
 * the poller. Single-threaded, as the tests drive it.
 */
final class BufferedSocketOutput extends ServletOutputStream {

    private final byte[] buffer;
    private int buffered;
    private final ByteArrayOutputStream overflow = new ByteArrayOutputStream();
    private final ByteArrayOutputStream socket = new ByteArrayOutputStream();
    private final int perCall;
    private int room;
    private boolean flushing;
    private boolean registered;
    private WriteListener listener;
    private int waits;
    private final List<Integer> writes = new ArrayList<>();
    private int flushes;

    /**
     * @param capacity the write buffer's size
     * @param perCall the most bytes one socket write sends
     * @param room the bytes the socket takes before the peer reads
     */
    BufferedSocketOutput(int capacity, int perCall, int room) {
        this.buffer = new byte[capacity];
        this.perCall = perCall;
        this.room = room;
    }

    @Override
    public void setWriteListener(WriteListener l) {
        listener = l;
        registered = true;
        poll(); // the container's first onWritePossible
    }

    @Override
    public boolean isReady() {
        if (flushing || registered) {
            registered = true;
            return false;
        }
        registered = !canWrite();
        if (registered) {
            waits++;
        }
        return !registered;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        checkWritable();
        writes.add(len);
        if (overflow.size() == 0 && buffered < buffer.length) {
            int n = transfer(b, off, len);
            off += n;
            len -= n;
            while (len > 0) {
                send();
                if (buffered == buffer.length) {
                    break;
                }
                n = transfer(b, off, len);
                off += n;
                len -= n;
            }
        }
        overflow.write(b, off, len);
    }

    @Override
    public void flush() {
        checkWritable();
        flushes++;
        flushing = flushLeftData();
        if (flushing) {
            waits++;
        }
    }

    /**
     * The poller: when the socket has room and the stream waits, flushes and, if that empties
     * everything, calls {@code onWritePossible}.
     */
    void poll() {
        if (!registered && !flushing || room == 0 && buffered > 0) {
            return;
        }
        flushing = flushLeftData();
        if (flushing || !canWrite()) {
            return;
        }
        registered = false;
        try {
            listener.onWritePossible();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The peer reads up to {@code n} bytes, then the poller runs. */
    void peerReads(int n) {
        room += n;
        poll();
    }

    /** What reached the socket, in order. */
    byte[] sent() {
        return socket.toByteArray();
    }

    /** How often the stream had to wait for the poller. */
    int waits() {
        return waits;
    }

    /** The length of each write, in order. */
    List<Integer> writes() {
        return writes;
    }

    int flushes() {
        return flushes;
    }

    private boolean canWrite() {
        return buffered < buffer.length && overflow.size() == 0;
    }

    private void checkWritable() {
        if (!canWrite() || flushing) {
            throw new IllegalStateException("write or flush while not ready");
        }
    }

    private int transfer(byte[] b, int off, int len) {
        int n = Math.min(len, buffer.length - buffered);
        System.arraycopy(b, off, buffer, buffered, n);
        buffered += n;
        return n;
    }

    /** One non-blocking socket write of the buffer. */
    private void send() {
        int n = Math.min(Math.min(buffered, perCall), room);
        socket.write(buffer, 0, n);
        room -= n;
        System.arraycopy(buffer, n, buffer, 0, buffered - n);
        buffered -= n;
    }

    /** Sends the buffer, then the overflow through it; whether anything is left. */
    private boolean flushLeftData() {
        while (true) {
            if (buffered > 0) {
                int before = buffered;
                send();
                if (buffered == before) {
                    return true;
                }
                continue;
            }
            if (overflow.size() == 0) {
                return false;
            }
            byte[] rest = overflow.toByteArray();
            overflow.reset();
            int n = transfer(rest, 0, rest.length);
            overflow.write(rest, n, rest.length - n);
        }
    }
}
