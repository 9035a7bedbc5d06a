package dev.switchboard.tls.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.switchboard.http.BodyFraming;
import dev.switchboard.http.ChunkedDecoder;
import dev.switchboard.http.ChunkedLimits;
import dev.switchboard.http.HeadLimits;
import dev.switchboard.http.HeadReader;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.RequestLine;

/**
 * Reads the decrypted byte stream of an RFC 2817 connection as a sequence of HTTP/1.1
 * requests (RFC 9112) and passes each on to the container in canonical form: the head read
 * by {@link HeadReader} and re-written by {@link CanonicalRequest} (checked, confined to this
 * application, with explicit framing), then the content, unchanged for {@code Content-Length}
 * and re-chunked for chunked coding, decoded by {@link ChunkedDecoder} (chunk extensions and
 * trailer fields dropped).
 *
 * <p>Limits: the head is bounded by {@code maxHeadSize} bytes as a whole (431), with no
 * smaller bound on a line or the number of fields; a chunk size line by 1,024 bytes (400); the
 * trailer section by {@code maxHeadSize} (431).
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

    private enum State { HEAD, CONTENT, CHUNKED, REFUSED }

    private final CanonicalRequest canonical;
    private final HeadLimits headLimits;
    private final ChunkedLimits chunkedLimits;
    private HeadReader<RequestLine> head;
    private ChunkedDecoder chunked;
    /** Chunked content announced to the container so far; whether a chunk is open, its CRLF not yet written. */
    private long announced;
    private boolean chunkOpen;
    private State state = State.HEAD;
    private long remaining;
    private int requests;

    /**
     * @param token the connection's token, written into every request head (see {@link BridgeRegistry})
     */
    public RequestRelay(BridgeRules rules, String token, int maxHeadSize) {
        this.canonical = new CanonicalRequest(rules, token);
        this.headLimits = new HeadLimits(maxHeadSize, maxHeadSize, maxHeadSize);
        this.chunkedLimits = new ChunkedLimits(MAX_CHUNK_LINE, Math.max(2, maxHeadSize), Long.MAX_VALUE);
        this.head = HeadReader.request(headLimits);
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
        return state == State.HEAD && head.isEmpty();
    }

    private void step(ByteBuffer data, Sink sink) {
        switch (state) {
            case HEAD -> {
                MessageHead<RequestLine> read = head.read(data);
                if (read != null) {
                    head = HeadReader.request(headLimits);
                    start(canonical.write(read), sink);
                }
            }
            case CONTENT -> {
                remaining -= pass(data, remaining, sink);
                if (remaining == 0) {
                    state = State.HEAD;
                }
            }
            case CHUNKED -> chunk(data, sink);
            case REFUSED -> data.position(data.limit());
        }
    }

    private void start(CanonicalRequest.Head canonicalHead, Sink sink) {
        sink.forward(ByteBuffer.wrap(canonicalHead.canonical()));
        requests++;
        BodyFraming framing = canonicalHead.framing();
        if (framing.kind() == BodyFraming.Kind.CHUNKED) {
            chunked = new ChunkedDecoder(chunkedLimits);
            announced = 0;
            chunkOpen = false;
            state = State.CHUNKED;
        } else if (framing.length() > 0) {
            remaining = framing.length();
            state = State.CONTENT;
        }
    }

    /**
     * Decodes the next piece of chunked content and writes it again: each chunk with its size
     * in lower-case hex, without extensions, and the last chunk without trailer fields. The
     * CRLF that ends a chunk is written once the decoder has read it, with what follows.
     */
    private void chunk(ByteBuffer data, Sink sink) {
        ByteBuffer content = chunked.read(data);
        long total = chunked.contentLength();
        if (total > announced) {
            endChunk(sink);
            sink.forward(ByteBuffer.wrap((Long.toHexString(total - announced) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            announced = total;
            chunkOpen = true;
        }
        if (content.hasRemaining()) {
            sink.forward(content);
        }
        if (chunked.isComplete()) {
            endChunk(sink);
            sink.forward(ByteBuffer.wrap(LAST_CHUNK));
            chunked = null;
            state = State.HEAD;
        }
    }

    private void endChunk(Sink sink) {
        if (chunkOpen) {
            sink.forward(ByteBuffer.wrap(CRLF));
            chunkOpen = false;
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
}
