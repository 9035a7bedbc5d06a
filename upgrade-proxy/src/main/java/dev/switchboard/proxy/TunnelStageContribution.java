package dev.switchboard.proxy;

import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.Stage;
import dev.switchboard.servlet.StageContribution;
import jakarta.servlet.ServletContext;

/**
 * Adds the tunnel when the context params configure routes or CONNECT targets: its CONNECT stage
 * ({@link TunnelFilter}'s) in the {@link Phase#TUNNEL_ROUTES} phase, after the TLS policy and
 * before negotiation, and its upgrade routes to the context's registry, where negotiation asks
 * them before the token walk. Found by {@code SwitchboardFilter} through
 * {@link java.util.ServiceLoader}.
 */
public final class TunnelStageContribution implements StageContribution {

    @Override
    public Phase phase() {
        return Phase.TUNNEL_ROUTES;
    }

    @Override
    public boolean enabled(ServletContext context, Settings settings) {
        return settings.get(TunnelOptions.ROUTES).isPresent() || settings.get(TunnelOptions.CONNECT).isPresent();
    }

    @Override
    public Stage create(ServletContext context, Settings settings) {
        return TunnelFilter.stage(context, settings, TunnelOptions.from(settings));
    }
}
