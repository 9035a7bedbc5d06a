package dev.switchboard.websocket.internal;

import java.util.List;

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
 */
public final class HandshakeGuard {

    /** The guard reads no more of {@code Upgrade} than negotiation does. */
    private static final int MAX_UPGRADE_LENGTH = 1024;

    private HandshakeGuard() {
    }

    /**
     * @throws dev.switchboard.websocket.handshake.HandshakeException (400) for such a request;
     *     returns quietly for any other, including malformed ones, which negotiation refuses
     */
    public static void check(RequestHead head) {
        String version = head.protocol();
        if (version == null || !version.startsWith("HTTP/1.")) {
            return; // HTTP/2 and later carry no Upgrade (RFC 9113 section 8.2.2): negotiation ignores it
        }
        List<String> lines = head.fieldLines(HttpSpec.UPGRADE);
        int length = 0;
        for (String line : lines) {
            length += line.length();
        }
        if (length > MAX_UPGRADE_LENGTH) {
            return;
        }
        try {
            if (!Upgrade.parse(lines).offers(WebSocketProtocol.TOKEN)) {
                return;
            }
            if (!HttpSpec.HTTP_1_0.equals(version)
                    && Connection.parse(head.fieldLines(HttpSpec.CONNECTION)).hasUpgrade()) {
                return;
            }
        } catch (FieldSyntaxException e) {
            return;
        }
        Handshake.checkRequestLine(head);
    }
}
