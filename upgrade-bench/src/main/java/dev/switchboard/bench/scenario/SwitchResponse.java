package dev.switchboard.bench.scenario;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.switchboard.testing.ResponseHead;

/**
 * Reads the 101 of an RFC 2817 upgrade as a client that buffers its reads does: in as few
 * reads as the bytes arrive in, where a test client reads it one byte per call so as never to
 * take a byte of what follows. Here nothing may follow before the client's ClientHello (RFC
 * 2817 section 3.3: the server waits for the client's handshake), so a read that brings more
 * than the head is a fault of the server under test and fails the exchange.
 */
final class SwitchResponse {

    private static final int MAX_HEAD = 8 * 1024;

    private SwitchResponse() {
    }

    /**
     * The 101 (or whatever status came) from the raw socket, leaving it at the first byte
     * after the head.
     *
     * @throws IOException if the connection ends inside the head, the head is over 8 KiB, or
     *     bytes follow the head
     */
    static ResponseHead read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[MAX_HEAD];
        int filled = 0;
        while (true) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new EOFException("connection closed inside the response head");
            }
            int from = Math.max(0, filled - 3);
            filled += n;
            int end = endOfHead(buffer, from, filled);
            if (end > 0) {
                if (end != filled) {
                    throw new IOException((filled - end) + " bytes follow the response head before the TLS handshake");
                }
                return ResponseHead.parse(new String(buffer, 0, end, StandardCharsets.ISO_8859_1));
            }
            if (filled == buffer.length) {
                throw new IOException("response head over " + MAX_HEAD + " bytes");
            }
        }
    }

    /** The index just past the first CR LF CR LF at or after {@code from}, or -1. */
    private static int endOfHead(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }
}
