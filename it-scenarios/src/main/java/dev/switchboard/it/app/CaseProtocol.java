package dev.switchboard.it.app;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.servlet.echo.EchoSession;

/**
 * {@code case/A}: an echo protocol whose version has a letter in it, to show that names
 * compare case-insensitively while versions compare exactly (RFC 9110 section 7.8).
 */
@RegisterUpgradeProtocol
public class CaseProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("case", "A");

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.switchTo(EchoSession::new);
    }
}
