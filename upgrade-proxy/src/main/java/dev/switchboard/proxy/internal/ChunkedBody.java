package dev.switchboard.proxy.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the chunked transfer coding (RFC 9112 section 7.1) of a relayed response body, so
 * that the container can frame the body for the client itself. Chunk extensions and trailer
 * fields are dropped. Lines are bounded; a malformed size line is an {@link IOException}.
 */
final class ChunkedBody extends InputStream {

    /** Longest chunk-size line or trailer line accepted. */
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private long remaining;
    private boolean done;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (remaining == 0) {
            remaining = chunkSize();
            if (remaining == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: dropped
                }
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("backend closed the connection inside a chunk");
        }
        remaining -= n;
        if (remaining == 0 && !readLine().isEmpty()) {
            throw new IOException("expected CRLF after a chunk");
        }
        return n;
    }

    private long chunkSize() throws IOException {
        String line = readLine();
        int end = 0;
        while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == 0 || end > 15 || end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ' '
                && line.charAt(end) != '\t') {
            throw new IOException("invalid chunk size line");
        }
        return Long.parseLong(line.substring(0, end), 16);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("backend closed the connection inside the chunked coding");
            }
            if (c == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("chunked coding line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
    }
}
