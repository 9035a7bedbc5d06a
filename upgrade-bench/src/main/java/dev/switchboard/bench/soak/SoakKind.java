package dev.switchboard.bench.soak;

import java.nio.charset.StandardCharsets;

/**
 * The three kinds of upgraded connection the soak holds, each with its upgrade request and the
 * way a message goes out and comes back: {@code echo/1} and the tunnel (whose backend is
 * {@code echo/1}) return the bytes sent; WebSocket returns the text of a masked frame in an
 * unmasked one (RFC 6455 section 5.2).
 */
enum SoakKind {

    /** {@code echo/1} at {@code /echo/x}. */
    ECHO("/echo/x", "Upgrade: echo/1\r\nConnection: upgrade\r\n"),
    /** Switchboard's WebSocket: an echo endpoint with the default session limits, at {@code /ws/p/nodeflate}. */
    WEBSOCKET("/ws/p/nodeflate", "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"),
    /** {@code echo/1} through the tunnel at {@code /gw/t/}. */
    TUNNEL("/gw/t/x", "Upgrade: echo/1\r\nConnection: upgrade\r\n");

    private final String path;
    private final String fields;

    SoakKind(String path, String fields) {
        this.path = path;
        this.fields = fields;
    }

    /** The upgrade request for {@code host} ({@code 127.0.0.1:port}). */
    byte[] request(String host) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** What goes on the wire for a message of {@code payload} (at most 125 bytes for WebSocket). */
    byte[] outgoing(byte[] payload, int mask) {
        if (this != WEBSOCKET) {
            return payload.clone();
        }
        return maskedFrame(0x81, payload, mask);
    }

    /** What must come back for {@code payload}. */
    byte[] expected(byte[] payload) {
        if (this != WEBSOCKET) {
            return payload.clone();
        }
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }

    /** A WebSocket close frame with status 1000, masked, as a client sends it. */
    static byte[] closeFrame(int mask) {
        return maskedFrame(0x88, new byte[] {0x03, (byte) 0xe8}, mask);
    }

    /** The server's close frame that answers {@link #closeFrame}: status 1000, no reason. */
    static byte[] closeReply() {
        return new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xe8};
    }

    private static byte[] maskedFrame(int first, byte[] payload, int mask) {
        byte[] frame = new byte[payload.length + 6];
        frame[0] = (byte) first;
        frame[1] = (byte) (0x80 | payload.length);
        for (int i = 0; i < 4; i++) {
            frame[2 + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ frame[2 + (i & 3)]);
        }
        return frame;
    }
}
