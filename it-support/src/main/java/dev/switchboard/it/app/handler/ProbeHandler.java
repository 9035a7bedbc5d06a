package dev.switchboard.it.app.handler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.switchboard.servlet.NonBlockingUpgradeHandler;

/**
 * Echoes like {@code echo/1}, and records its callbacks in {@link HandlerEvents}. The first
 * line it sends after the 101 is {@code id=<n>}, the key under which the report servlet
 * answers for this connection.
 */
public class ProbeHandler extends NonBlockingUpgradeHandler {

    private int id;

    @Override
    protected void onOpen() {
        id = HandlerEvents.opened();
        write(ByteBuffer.wrap(("id=" + id + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    protected void onInput(ByteBuffer data) throws IOException {
        write(data);
    }

    @Override
    protected void onInputClosed() throws IOException {
        HandlerEvents.inputClosed(id);
        super.onInputClosed();
    }

    @Override
    protected void onTimeout(Timeout timeout) {
        HandlerEvents.timedOut(id, timeout.name());
        super.onTimeout(timeout);
    }

    @Override
    protected void onClosed(Throwable cause) {
        HandlerEvents.closed(id, cause);
    }
}
