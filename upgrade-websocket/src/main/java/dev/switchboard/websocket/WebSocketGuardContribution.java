package dev.switchboard.websocket;

import java.util.List;

import dev.switchboard.servlet.FilterContribution;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeDeclarations;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;

/**
 * Adds {@link WebSocketGuardFilter} just before {@code UpgradeFilter}, on the same URL patterns,
 * whenever the {@code websocket} protocol is enabled (no {@code switchboard.protocols}, or one
 * that lists {@code websocket}).
 */
public final class WebSocketGuardContribution implements FilterContribution {

    /** The filter name. */
    public static final String FILTER_NAME = "switchboard-websocket-guard";

    /** Just before {@code UpgradeFilter}, after the TLS policy and the tunnel. */
    public static final int ORDER = UPGRADE_FILTER_ORDER - 100;

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
        return UpgradeDeclarations.PROTOCOLS.read(settings).map(p -> p.contains(WebSocketProtocolProvider.NAME))
                .orElse(true);
    }

    @Override
    public List<String> urlPatterns(Settings settings) {
        return UpgradeDeclarations.URL_PATTERNS.get(settings);
    }

    @Override
    public Filter create(ServletContext context, Settings settings) {
        return new WebSocketGuardFilter();
    }
}
