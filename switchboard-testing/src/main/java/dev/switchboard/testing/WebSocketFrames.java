package dev.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * WebSocket frames on a raw connection after a 101 (RFC 6455 section 5): client frames are
 * written masked, as a client must; server frames are read unmasked. Enough to prove that
 * the connection speaks WebSocket and to read close codes, not a client.
 */
public final class WebSocketFrames {

    /** Opcodes (RFC 6455 section 5.2). */
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private WebSocketFrames() {
    }

    /** One masked, final text frame. */
    public static byte[] text(String text) {
        return frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One masked, final binary frame. */
    public static byte[] binary(byte[] data) {
        return frame(BINARY, data);
    }

    /** One masked close frame with a status code and a reason. */
    public static byte[] close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return frame(CLOSE, payload);
    }

    /** One masked, final frame. */
    public static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write(0x80 | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else if (n < 65536) {
            out.write(0x80 | 126);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >> shift));
            }
        }
        out.write(MASK, 0, 4);
        for (int i = 0; i < n; i++) {
            out.write(payload[i] ^ MASK[i % 4]);
        }
        return out.toByteArray();
    }

    /** Reads one frame from the server. */
    public static Frame read(InputStream in) throws IOException {
        int b0 = next(in);
        int b1 = next(in);
        if ((b1 & 0x80) != 0) {
            throw new IOException("a server frame must not be masked (RFC 6455 section 5.1)");
        }
        long n = b1 & 0x7f;
        if (n == 126) {
            n = ((long) next(in) << 8) | next(in);
        } else if (n == 127) {
            n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | next(in);
            }
        }
        if (n > 64L * 1024 * 1024) {
            throw new IOException("frame of " + n + " bytes is beyond what a test reads");
        }
        byte[] payload = in.readNBytes((int) n);
        if (payload.length < n) {
            throw new EOFException("connection ended inside a frame");
        }
        return new Frame((b0 & 0x80) != 0, (b0 & 0x40) != 0, b0 & 0x0f, payload);
    }

    /**
     * Reads one whole message from the server: its first frame and any
     * continuation frames up to the final one, their payloads joined (a server may send a large
     * message in fragments; Tomcat does above its output buffer). Control frames in between are
     * refused.
     *
     * @return a final frame with the first frame's opcode and the whole payload
     */
    public static Frame readMessage(InputStream in) throws IOException {
        Frame first = read(in);
        if (first.fin() || first.opcode() >= CLOSE) {
            return first;
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(first.payload());
        Frame next;
        do {
            next = read(in);
            if (next.opcode() != CONTINUATION) {
                throw new IOException("expected a continuation frame but got opcode " + next.opcode());
            }
            whole.writeBytes(next.payload());
        } while (!next.fin());
        return new Frame(true, first.rsv1(), first.opcode(), whole.toByteArray());
    }

    private static int next(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection ended before a frame");
        }
        return b;
    }

    /**
     * One server frame.
     *
     * @param fin whether it ends a message
     * @param rsv1 the RSV1 bit: set on the first frame of a compressed message (RFC 7692 section 6)
     * @param opcode the opcode
     * @param payload the payload as received
     */
    public record Frame(boolean fin, boolean rsv1, int opcode, byte[] payload) {

        /** The payload as UTF-8 text, inflated first when RSV1 says it is compressed. */
        public String text() {
            return new String(rsv1 ? inflated() : payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame, or 1005 when it has none. */
        public int closeCode() {
            if (opcode != CLOSE) {
                throw new IllegalStateException("not a close frame but opcode " + opcode);
            }
            return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        /** The reason of a close frame. */
        public String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }

        /** The payload of a compressed, final frame, inflated (RFC 7692 section 7.2.2). */
        public byte[] inflated() {
            Inflater inflater = new Inflater(true);
            try {
                byte[] input = new byte[payload.length + 4];
                System.arraycopy(payload, 0, input, 0, payload.length);
                input[payload.length + 2] = (byte) 0xff;
                input[payload.length + 3] = (byte) 0xff;
                inflater.setInput(input);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[4096];
                while (true) {
                    int k = inflater.inflate(buffer);
                    out.write(buffer, 0, k);
                    if (k == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                        break;
                    }
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw new IllegalStateException("payload is not DEFLATE data", e);
            } finally {
                inflater.end();
            }
        }
    }
}
