package dev.switchboard.servlet.echo;

import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocolProvider;
import jakarta.servlet.ServletContext;

/** Provides {@code echo/1} under the name {@code echo}; off unless listed in {@code switchboard.protocols}. */
public final class EchoProtocolProvider implements UpgradeProtocolProvider {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public UpgradeProtocol create(ServletContext context, Settings settings) {
        return new EchoProtocol();
    }
}
