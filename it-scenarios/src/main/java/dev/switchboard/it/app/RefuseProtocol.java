package dev.switchboard.it.app;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/** {@code refuse/1}: refuses every request with 403 and a one-line reason. */
@RegisterUpgradeProtocol
public class RefuseProtocol implements UpgradeProtocol {

    /** The reason in the 403's body. */
    public static final String REASON = "refuse/1 refuses every request";

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(ProtocolToken.of("refuse", "1"));
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.refuse(403, REASON);
    }
}
