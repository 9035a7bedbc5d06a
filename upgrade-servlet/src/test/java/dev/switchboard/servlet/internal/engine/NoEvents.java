package dev.switchboard.servlet.internal.engine;

import dev.switchboard.servlet.container.Transport;

/** Transport events that nobody listens to: for tests that drive a queue or loop by hand. */
enum NoEvents implements Transport.Events {
    INSTANCE;

    @Override
    public void readable() {
    }

    @Override
    public void inputEnded() {
    }

    @Override
    public void writable() {
    }

    @Override
    public void failed(Throwable cause) {
    }

    @Override
    public void closed() {
    }
}
