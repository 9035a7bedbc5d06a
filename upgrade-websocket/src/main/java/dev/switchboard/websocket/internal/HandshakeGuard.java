package dev.switchboard.websocket.internal;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeField;
import dev.switchboard.websocket.WebSocketProtocol;
import dev.switchboard.websocket.handshake.Handshake;

/**
 * Finds the WebSocket handshakes that generic upgrade handling would serve as ordinary requests:
 * HTTP/1.x requests that offer {@code websocket} but are HTTP/1.0 or lack {@code Connection: upgrade}.
 */
public final class HandshakeGuard {

    private HandshakeGuard() {
    }

    /**
     * @param upgrade the request's {@code Upgrade} field as the front door read it, under the
     *     context's {@code switchboard.maxUpgradeFieldLength} and {@code maxUpgradeProtocols}
     * @throws dev.switchboard.websocket.handshake.HandshakeException (400) for such a request;
     *     returns quietly for any other, including malformed ones and ones over a limit, which
     *     negotiation refuses
     */
    public static void check(RequestHead head, UpgradeField upgrade) {
        String version = head.protocol();
        if (version == null || !version.startsWith("HTTP/1.")) {
            return; // HTTP/2 and later carry no Upgrade (RFC 9113 section 8.2.2): negotiation ignores it
        }
        Upgrade offered = upgrade.offeredOrNull();
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
