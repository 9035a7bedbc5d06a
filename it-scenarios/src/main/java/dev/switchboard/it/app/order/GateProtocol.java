package dev.switchboard.it.app.order;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/**
 * {@code websocket}, as a gate in front of the container's own WebSocket support: refuses a
 * handshake that carries {@code X-Gate: closed} with 403, and leaves every other one to the
 * container ({@link Decision#delegate(String)}). Which of the two answers a handshake shows
 * which filter saw it first.
 */
@RegisterUpgradeProtocol
public class GateProtocol implements UpgradeProtocol {

    /** The request field that closes the gate. */
    public static final String GATE = "X-Gate";

    /** The reason in the 403's body. */
    public static final String REASON = "the gate is closed: Switchboard saw this handshake first";

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(ProtocolToken.of("websocket"));
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        if ("closed".equals(request.servletRequest().getHeader(GATE))) {
            return Decision.refuse(403, REASON);
        }
        return Decision.delegate("left to the container's WebSocket support");
    }
}
