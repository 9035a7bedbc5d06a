package dev.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough HTTP/2 (RFC 9113) to check, on a raw socket, what a server sends on stream 1
 * after an h2c upgrade: the client preface, SETTINGS and its acknowledgement, and reading
 * frames until stream 1's content ends. Header blocks are not decoded (HPACK); the content
 * of DATA frames is returned as is.
 */
public final class Http2Frames {

    /** The client connection preface (RFC 9113 section 3.4). */
    public static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final int DATA = 0x0;
    private static final int SETTINGS = 0x4;
    private static final int GOAWAY = 0x7;
    private static final int RST_STREAM = 0x3;
    private static final int END_STREAM = 0x1;
    private static final int ACK = 0x1;

    private Http2Frames() {
    }

    /** Sends the preface and an empty SETTINGS frame. */
    public static void sendPreface(OutputStream out) throws IOException {
        out.write(PREFACE);
        writeFrame(out, SETTINGS, 0, 0, new byte[0]);
        out.flush();
    }

    /**
     * Reads frames, acknowledging the server's SETTINGS, until stream 1 ends, and returns the
     * content of its DATA frames.
     *
     * @throws IOException if the server resets the stream, sends GOAWAY or closes first
     */
    public static byte[] readStream1Content(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            byte[] header = in.readNBytes(9);
            if (header.length < 9) {
                throw new EOFException("connection closed before stream 1 ended");
            }
            int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
            int type = header[3] & 0xff;
            int flags = header[4] & 0xff;
            int stream = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8)
                    | (header[8] & 0xff);
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new EOFException("connection closed inside a frame");
            }
            if (type == SETTINGS && (flags & ACK) == 0) {
                writeFrame(out, SETTINGS, ACK, 0, new byte[0]);
                out.flush();
            } else if (type == GOAWAY || (type == RST_STREAM && stream == 1)) {
                throw new IOException("server sent frame type " + type + " before stream 1 ended");
            } else if (type == DATA && stream == 1) {
                content.write(payload);
                if ((flags & END_STREAM) != 0) {
                    return content.toByteArray();
                }
            }
        }
    }

    private static void writeFrame(OutputStream out, int type, int flags, int stream, byte[] payload)
            throws IOException {
        int n = payload.length;
        out.write(new byte[] {(byte) (n >>> 16), (byte) (n >>> 8), (byte) n, (byte) type, (byte) flags,
            (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream});
        out.write(payload);
    }
}
