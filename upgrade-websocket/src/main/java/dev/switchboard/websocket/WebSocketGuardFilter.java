package dev.switchboard.websocket;

import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.StageFilter;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.websocket.internal.GuardStage;
import jakarta.servlet.FilterConfig;

/**
 * The WebSocket guard for an application that declares Switchboard's filters one by one in
 * web.xml: map it like {@code UpgradeFilter} and before it. It runs the stage that
 * {@code SwitchboardFilter} runs in its {@code NEGOTIATION_GUARD} phase: a request offering
 * {@code websocket} that negotiation would serve as an ordinary request (HTTP/1.0, no
 * {@code Connection: upgrade}) gets 400 (WS-01, WS-04), and what the protocol handed over to
 * the container's handshake is forgotten when the request ends.
 */
public final class WebSocketGuardFilter extends StageFilter {

    public WebSocketGuardFilter() {
        super(true);
    }

    @Override
    protected Stages createStages(FilterConfig config, Settings settings) {
        return new Stages(UpgradeDeclarations.limits(settings)).add(Phase.NEGOTIATION_GUARD, new GuardStage());
    }
}
