package dev.switchboard.it.app.handler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;

/**
 * Echoes like {@code echo/1}, and records its callbacks in {@link HandlerEvents}. The first
 * line it sends after the 101 is {@code id=<n>}, the key under which the report servlet
 * answers for this connection.
 */
public class ProbeSession implements UpgradeSession {

    protected final UpgradedConnection connection;
    private int id;

    public ProbeSession(UpgradedConnection connection) {
        this.connection = connection;
    }

    @Override
    public void onOpen() {
        id = HandlerEvents.opened();
        connection.write(ByteBuffer.wrap(("id=" + id + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void onInput(ByteBuffer data) {
        connection.write(data);
    }

    @Override
    public Then onInputClosed() {
        HandlerEvents.inputClosed(id);
        return Then.CLOSE;
    }

    @Override
    public Then onTimeout(Timeout timeout) {
        HandlerEvents.timedOut(id, timeout.name());
        return Then.CLOSE;
    }

    @Override
    public void onClosed(Throwable cause) {
        HandlerEvents.closed(id, cause);
    }
}
