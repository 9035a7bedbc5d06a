package dev.switchboard.tls;

import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocolProvider;
import jakarta.servlet.ServletContext;

/**
 * Provides {@link TlsUpgradeProtocol} under the name {@code tls}: on by default exactly when
 * {@code switchboard.tls.keystore} is set (or when listed in {@code switchboard.protocols}).
 * The protocol is also kept as the context attribute {@link TlsUpgradeProtocol#ATTRIBUTE}, so
 * that its {@link TlsUpgradeProtocol#counters() counters} can be read (metrics).
 */
public final class TlsProtocolProvider implements UpgradeProtocolProvider {

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public boolean enabledByDefault(ServletContext context, Settings settings) {
        return TlsUpgradeOptions.configured(settings);
    }

    @Override
    public UpgradeProtocol create(ServletContext context, Settings settings) {
        TlsUpgradeProtocol protocol = new TlsUpgradeProtocol(context, TlsUpgradeOptions.from(settings));
        context.setAttribute(TlsUpgradeProtocol.ATTRIBUTE, protocol);
        return protocol;
    }
}
