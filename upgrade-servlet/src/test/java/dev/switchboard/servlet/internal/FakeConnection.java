package dev.switchboard.servlet.internal;

import jakarta.servlet.http.WebConnection;

/** An upgraded connection made of a {@link FakeInput} and a {@link FakeOutput}. */
public final class FakeConnection implements WebConnection {

    private final FakeInput in = new FakeInput();
    private final FakeOutput out;
    private volatile int closes;

    /** @param capacity bytes the peer takes before the output stops being ready */
    public FakeConnection(int capacity) {
        this.out = new FakeOutput(capacity);
    }

    @Override
    public FakeInput getInputStream() {
        return in;
    }

    @Override
    public FakeOutput getOutputStream() {
        return out;
    }

    @Override
    public synchronized void close() {
        closes++;
    }

    /** How often {@link #close()} was called. */
    public int closes() {
        return closes;
    }

    public boolean isClosed() {
        return closes > 0;
    }
}
