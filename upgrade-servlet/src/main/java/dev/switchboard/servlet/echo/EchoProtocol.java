package dev.switchboard.servlet.echo;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/**
 * {@code echo/1}: after the 101, every byte the client sends comes back unchanged, in order,
 * until the client closes its side. The reference plug-in: it shows the whole mechanism
 * (negotiation, the 101, a non-blocking handler with back-pressure and timeouts) with no
 * protocol of its own in the way.
 *
 * <pre>
 * GET /echo HTTP/1.1            HTTP/1.1 101
 * Host: example.com             Upgrade: echo/1
 * Upgrade: foo/2, echo/1        Connection: upgrade
 * Connection: upgrade
 *                               (then the client's bytes, echoed)
 * </pre>
 */
public final class EchoProtocol implements UpgradeProtocol {

    /** {@code echo/1}. */
    public static final ProtocolToken TOKEN = ProtocolToken.of("echo", "1");

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.switchTo(EchoSession::new);
    }

    @Override
    public String toString() {
        return "EchoProtocol[" + TOKEN + "]";
    }
}
