package dev.switchboard.websocket.internal;

import java.io.IOException;

import dev.switchboard.servlet.Exchange;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.ServletRequestHead;
import dev.switchboard.servlet.Stage;
import dev.switchboard.websocket.handshake.HandshakeException;
import jakarta.servlet.ServletException;

/**
 * The {@code NEGOTIATION_GUARD} stage, for two jobs the protocol cannot do from inside the
 * registry:
 * <ul>
 *   <li>A request that offers {@code websocket} but that generic upgrade handling serves as if
 *       it had no {@code Upgrade} field, because it is HTTP/1.0 or its {@code Connection} lacks
 *       the {@code upgrade} option, is a broken WebSocket handshake: it gets 400 with a
 *       one-line reason (RFC 6455 section 4.2.1, WS-01 and WS-04) instead of reaching the
 *       application.</li>
 *   <li>What the protocol handed over to the container's handshake ({@link Handover}) is
 *       forgotten when the request ends, whatever the container did with it.</li>
 * </ul>
 * Requests without {@code Upgrade} pass at the cost of one look-up in the exchange.
 */
public final class GuardStage implements Stage {

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        if (!exchange.upgrade().present()) {
            next.proceed();
            return;
        }
        try {
            HandshakeGuard.check(new ServletRequestHead(exchange.request()), exchange.upgrade());
        } catch (HandshakeException e) {
            Refusals.refuseUpgrade(exchange.response(), e);
            return;
        }
        try {
            next.proceed();
        } finally {
            Handover.end();
        }
    }

    @Override
    public boolean passesRequestsWithoutUpgrade() {
        return true;
    }

    @Override
    public String toString() {
        return "WebSocket guard";
    }
}
