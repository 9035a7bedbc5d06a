package dev.switchboard.demo;

import java.io.IOException;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;

/** WebSocket handshakes written byte for byte. */
final class Handshakes {

    /** The sample key of RFC 6455 section 1.3 ... */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    /** ... and its accept value. */
    static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private Handshakes() {
    }

    /** A handshake for {@code path} with extra field lines (each ending in CRLF). */
    static String request(String path, int port, String fields) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n" + fields
                + "\r\n";
    }

    /** Sends the handshake on {@code c} and reads the response head, leaving frames after it unread. */
    static ResponseHead send(RawConnection c, String path, int port, String fields) throws IOException {
        c.send(request(path, port, fields));
        return c.readHead();
    }
}
