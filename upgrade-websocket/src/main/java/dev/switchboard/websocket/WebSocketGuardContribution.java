package dev.switchboard.websocket;

import java.util.List;

import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.Stage;
import dev.switchboard.servlet.StageContribution;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.websocket.internal.GuardStage;
import jakarta.servlet.ServletContext;

/**
 * Adds the WebSocket guard ({@link WebSocketGuardFilter}'s stage) in the
 * {@link Phase#NEGOTIATION_GUARD} phase, just before negotiation and on the same URL patterns,
 * whenever the {@code websocket} protocol is enabled (no {@code switchboard.protocols}, or one
 * that lists {@code websocket}).
 */
public final class WebSocketGuardContribution implements StageContribution {

    @Override
    public Phase phase() {
        return Phase.NEGOTIATION_GUARD;
    }

    @Override
    public boolean enabled(ServletContext context, Settings settings) {
        return UpgradeDeclarations.PROTOCOLS.read(settings).map(p -> p.contains(WebSocketProtocolProvider.NAME))
                .orElse(true);
    }

    @Override
    public List<String> urlPatterns(Settings settings) {
        return UpgradeDeclarations.URL_PATTERNS.get(settings);
    }

    @Override
    public Stage create(ServletContext context, Settings settings) {
        return new GuardStage();
    }
}
