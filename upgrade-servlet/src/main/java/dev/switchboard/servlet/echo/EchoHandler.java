package dev.switchboard.servlet.echo;

import java.nio.ByteBuffer;

import dev.switchboard.servlet.NonBlockingUpgradeHandler;

/**
 * Writes back what it reads. Back-pressure comes from the base class: when the client stops
 * reading, queued output reaches its limit and this handler stops reading too. When the
 * client half-closes, the rest is flushed and the connection closed.
 */
public class EchoHandler extends NonBlockingUpgradeHandler {

    @Override
    protected void onInput(ByteBuffer data) {
        write(data);
    }
}
