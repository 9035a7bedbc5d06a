package dev.switchboard.it.app.handler;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/** {@code probe/1}: an echo whose callbacks can be inspected through {@link HandlerReportServlet}. */
@RegisterUpgradeProtocol
public class ProbeProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("probe", "1");

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.switchTo(ProbeSession::new);
    }
}
