package dev.switchboard.websocket.internal;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import dev.switchboard.websocket.WebSocketProtocol;
import dev.switchboard.websocket.handshake.Handshake;

/**
 * Finds the WebSocket handshakes that generic upgrade handling would serve as ordinary requests:
 * HTTP/1.x requests that offer {@code websocket} but are HTTP/1.0 or lack {@code Connection: upgrade}.
 * The {@code websocket} protocol asks it when negotiation ignores a request that offers it
 * ({@link dev.switchboard.servlet.UpgradeProtocol#whenIgnored}), so that such a request gets 400
 * (WS-01, WS-04) instead of reaching the application.
 */
public final class HandshakeGuard {

    private HandshakeGuard() {
    }

    /**
     * @param offered the request's {@code Upgrade} field as negotiation read it, or null when it
     *     was malformed or over a limit (negotiation answers those)
     * @throws dev.switchboard.websocket.handshake.HandshakeException (400) for such a request;
     *     returns quietly for any other
     */
    public static void check(RequestHead head, Upgrade offered) {
        String version = head.protocol();
        if (version == null || !version.startsWith("HTTP/1.")) {
            return; // HTTP/2 and later carry no Upgrade (RFC 9113 section 8.2.2): negotiation ignores it
        }
        if (offered == null || !offered.offers(WebSocketProtocol.TOKEN)) {
            return;
        }
        try {
            if (!HttpSpec.HTTP_1_0.equals(version)
                    && Connection.parse(head.fieldLines(HttpSpec.CONNECTION)).hasUpgrade()) {
                return;
            }
        } catch (FieldSyntaxException e) {
            return;
        }
        Handshake.checkRequestLine(head, offered);
    }
}
