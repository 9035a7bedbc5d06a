package dev.switchboard.it.app;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/** {@code decline/1}: registered, but declines every request, so the next offer is asked. */
@RegisterUpgradeProtocol
public class DeclineProtocol implements UpgradeProtocol {

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(ProtocolToken.of("decline", "1"));
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.decline("declines everything");
    }
}
