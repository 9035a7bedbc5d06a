package dev.switchboard.proxy;

import dev.switchboard.servlet.FilterContribution;
import dev.switchboard.servlet.Settings;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;

/**
 * Adds {@link TunnelFilter} as {@code switchboard-tunnel}, after the TLS policy (100) and
 * before {@code UpgradeFilter} (1000), when the context params configure routes or CONNECT
 * targets. Found by {@code SwitchboardInitializer} through {@link java.util.ServiceLoader}.
 */
public final class TunnelFilterContribution implements FilterContribution {

    /** The filter name in the application. */
    public static final String FILTER_NAME = "switchboard-tunnel";

    /** After the mandatory-TLS policy, before UpgradeFilter. */
    public static final int ORDER = 200;

    @Override
    public String name() {
        return FILTER_NAME;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public boolean enabled(ServletContext context, Settings settings) {
        return settings.get(TunnelOptions.ROUTES).isPresent() || settings.get(TunnelOptions.CONNECT).isPresent();
    }

    @Override
    public Filter create(ServletContext context, Settings settings) {
        return new TunnelFilter();
    }
}
