package dev.switchboard.servlet.echo;

import java.nio.ByteBuffer;
import java.util.Objects;

import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;

/**
 * Writes back what it reads. Back-pressure comes from the engine: when the client stops
 * reading, queued output reaches its limit and the connection stops reading too. When the
 * client half-closes, the rest is written and the connection closed (the default of
 * {@link #onInputClosed()}).
 */
public final class EchoSession implements UpgradeSession {

    private final UpgradedConnection connection;

    public EchoSession(UpgradedConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public void onInput(ByteBuffer data) {
        connection.write(data);
    }
}
