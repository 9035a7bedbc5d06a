package dev.switchboard.tls.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;

/**
 * Reads the decrypted byte stream of an RFC 2817 connection as a sequence of HTTP/1.1
 * requests (RFC 9112) and passes each on to the container in canonical form: the head
 * re-written by {@link RequestHeadParser} (checked, confined to this application, with
 * explicit framing), then the content, unchanged for {@code Content-Length} and re-chunked
 * for chunked coding (chunk extensions and trailer fields dropped).
 *
 * <p>Because the container only ever sees heads and chunk framing that this class wrote, it
 * cannot read the byte stream differently from the way it was checked here: no request can
 * be smuggled past the rules inside another one's content. Not thread-safe: one instance per
 * connection, driven by its serialised callbacks.
 */
public final class RequestRelay {

    /** Where canonical bytes go. A buffer passed here is only valid during the call. */
    public interface Sink {
        void forward(ByteBuffer data);
    }

    private static final int MAX_CHUNK_LINE = 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private enum State { HEAD, CONTENT, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, REFUSED }

    private final RequestHeadParser parser;
    private final int maxHeadSize;
    private final LineBuffer line;
    private State state = State.HEAD;
    private long remaining;
    private int requests;

    /**
     * @param token the connection's token, written into every request head (see {@link BridgeRegistry})
     */
    public RequestRelay(BridgeRules rules, String token, int maxHeadSize) {
        this.parser = new RequestHeadParser(rules, token);
        this.maxHeadSize = maxHeadSize;
        this.line = new LineBuffer(Math.min(1024, maxHeadSize));
    }

    /** Requests whose heads have been passed on. */
    public int requests() {
        return requests;
    }

    /**
     * Consumes all of {@code data}, passing canonical bytes to {@code sink}.
     *
     * @return null, or the reason the stream was refused: then nothing more is passed on,
     *     now or later, and the connection must end after the answer to the refusal
     */
    public HttpStatusException feed(ByteBuffer data, Sink sink) {
        try {
            while (data.hasRemaining() && state != State.REFUSED) {
                step(data, sink);
            }
            return null;
        } catch (HttpStatusException e) {
            state = State.REFUSED;
            return e;
        }
    }

    /** Whether the stream is between requests: nothing of a request is pending. */
    public boolean atRequestBoundary() {
        return state == State.HEAD && line.isEmpty();
    }

    private void step(ByteBuffer data, Sink sink) {
        switch (state) {
            case HEAD -> {
                if (line.appendUntilBlankLine(data, maxHeadSize)) {
                    if (line.isBlankLine()) {
                        line.clear(); // an empty line before a request line is ignored (RFC 9112 section 2.2)
                        return;
                    }
                    RequestHeadParser.Head head = parser.parse(line.bytes(), line.length());
                    line.clear();
                    sink.forward(ByteBuffer.wrap(head.canonical()));
                    requests++;
                    if (head.chunked()) {
                        state = State.CHUNK_SIZE;
                    } else if (head.contentLength() > 0) {
                        remaining = head.contentLength();
                        state = State.CONTENT;
                    }
                } else if (line.length() >= maxHeadSize) {
                    throw new HttpStatusException(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Request head is larger than " + maxHeadSize + " bytes");
                }
            }
            case CONTENT -> {
                remaining -= pass(data, remaining, sink);
                if (remaining == 0) {
                    state = State.HEAD;
                }
            }
            case CHUNK_SIZE -> {
                if (line.appendLine(data, MAX_CHUNK_LINE)) {
                    long size = chunkSize(line.bytes(), line.length());
                    line.clear();
                    if (size == 0) {
                        state = State.TRAILERS;
                    } else {
                        sink.forward(ByteBuffer.wrap((Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII)));
                        remaining = size;
                        state = State.CHUNK_DATA;
                    }
                } else if (line.length() >= MAX_CHUNK_LINE) {
                    throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk size line is too long");
                }
            }
            case CHUNK_DATA -> {
                remaining -= pass(data, remaining, sink);
                if (remaining == 0) {
                    state = State.CHUNK_END;
                }
            }
            case CHUNK_END -> {
                if (line.appendLine(data, 2)) {
                    if (line.length() != lineEndLength(line.bytes(), line.length())) {
                        throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk data is longer than its size");
                    }
                    line.clear();
                    sink.forward(ByteBuffer.wrap(CRLF));
                    state = State.CHUNK_SIZE;
                } else if (line.length() >= 2) {
                    throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk data is longer than its size");
                }
            }
            case TRAILERS -> {
                if (line.appendUntilBlankLine(data, maxHeadSize)) {
                    // Trailer fields are dropped: the container is told of none.
                    line.clear();
                    sink.forward(ByteBuffer.wrap(LAST_CHUNK));
                    state = State.HEAD;
                } else if (line.length() >= maxHeadSize) {
                    throw new HttpStatusException(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Trailer section is larger than " + maxHeadSize + " bytes");
                }
            }
            case REFUSED -> data.position(data.limit());
        }
    }

    /** Passes up to {@code max} bytes of {@code data} on, as a slice; returns how many. */
    private static int pass(ByteBuffer data, long max, Sink sink) {
        int n = (int) Math.min(max, data.remaining());
        ByteBuffer slice = data.slice();
        slice.limit(n);
        sink.forward(slice);
        data.position(data.position() + n);
        return n;
    }

    /** {@code chunk-size [ chunk-ext ] CRLF}: 1*HEXDIG, extensions ignored (RFC 9112 section 7.1). */
    private static long chunkSize(byte[] b, int length) {
        int end = length - lineEndLength(b, length);
        long size = 0;
        int i = 0;
        while (i < end && Character.digit(b[i], 16) >= 0) {
            if (i >= 15) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk size is too large");
            }
            size = size << 4 | Character.digit(b[i], 16);
            i++;
        }
        if (i == 0) {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk size is not hexadecimal");
        }
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i < end && b[i] != ';') {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk size is followed by something other than an extension");
        }
        for (; i < end; i++) {
            if ((b[i] < 0x20 && b[i] != '\t') || b[i] == 0x7f) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Chunk extension holds a control character");
            }
        }
        return size;
    }

    /** 2 for a line ending in CRLF, 1 for a bare LF. */
    private static int lineEndLength(byte[] b, int length) {
        return length >= 2 && b[length - 2] == '\r' ? 2 : 1;
    }
}
