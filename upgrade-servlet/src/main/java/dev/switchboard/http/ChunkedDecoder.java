package dev.switchboard.http;

import java.nio.ByteBuffer;
import java.util.Objects;

import dev.switchboard.http.internal.LineReader;

/**
 * Decodes the chunked transfer coding (RFC 9112 section 7.1) from input that arrives in
 * pieces on a non-blocking connection, handing out the content without copying it:
 *
 * <pre>
 * chunked-body = *chunk last-chunk trailer-section CRLF
 * chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 * chunk-ext    = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 * </pre>
 *
 * <ul>
 *   <li>the size is hexadecimal with any number of leading zeros; extensions are checked
 *       against their grammar and dropped;</li>
 *   <li>every line ends in CRLF: the bare-LF leniency of section 2.2 covers start lines and
 *       fields, not the chunked coding, and readers that differ here are how requests are
 *       smuggled. The same goes for whitespace after the size without an extension;</li>
 *   <li>trailer fields are checked as field lines ({@link FieldLine}) and dropped (RFC 9110
 *       section 6.5 lets a recipient discard them);</li>
 *   <li>the {@link ChunkedLimits} are enforced as bytes arrive.</li>
 * </ul>
 *
 * Each byte of framing is looked at once, and content is never copied. Every problem is a
 * {@link WireFormatException}: 400, 413 or 431. Not thread-safe: one decoder per body.
 */
public final class ChunkedDecoder {

    private static final String SIZE_LINE = "chunk size line";
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private enum State { SIZE, DATA, DATA_CR, DATA_LF, TRAILER, DONE }

    private final ChunkedLimits limits;
    private final LineReader sizeLines;
    private final LineReader trailerLines;
    private State state = State.SIZE;
    private long remaining;
    private long contentLength;
    private int trailerSize;

    public ChunkedDecoder(ChunkedLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sizeLines = new LineReader(limits.maxLineLength(), true, SIZE_LINE);
        this.trailerLines = new LineReader(limits.maxTrailerSize(), true, "trailer section");
    }

    /**
     * Consumes framing from {@code in} up to the next content, and returns that content.
     *
     * @return a buffer sharing {@code in}'s bytes, holding as much content as {@code in} has
     *     of the current chunk, with {@code in} positioned past it; empty when {@code in} holds
     *     only framing, or the body is {@linkplain #isComplete() complete}. Call again while
     *     {@code in} has bytes left and the body is not complete
     * @throws WireFormatException (400, 413, 431) if the bytes are not the chunked coding
     *     within the limits
     */
    public ByteBuffer read(ByteBuffer in) {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case SIZE -> size(sizeLines.read(in, Integer.MAX_VALUE));
                case DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    ByteBuffer data = in.slice();
                    data.limit(n);
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DATA_CR;
                    }
                    return data;
                }
                case DATA_CR -> {
                    expect(in.get(), '\r');
                    state = State.DATA_LF;
                }
                case DATA_LF -> {
                    expect(in.get(), '\n');
                    state = State.SIZE;
                }
                case TRAILER -> trailer(in);
                default -> throw new IllegalStateException(state.name());
            }
        }
        return NOTHING;
    }

    /** Whether the last chunk and the trailer section have been read; bytes after them are the next message. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** Content bytes announced so far by chunk sizes. */
    public long contentLength() {
        return contentLength;
    }

    private void size(String line) {
        if (line == null) {
            if (sizeLines.tooLong()) {
                throw new WireFormatException(SIZE_LINE, "expected at most " + limits.maxLineLength()
                        + " bytes before CRLF");
            }
            return;
        }
        int i = 0;
        long size = 0;
        long room = limits.maxContentLength() - contentLength;
        while (i < line.length() && line.charAt(i) < 0x80 && Character.digit(line.charAt(i), 16) >= 0) {
            int digit = Character.digit(line.charAt(i), 16);
            if (room < digit || size > (room - digit) / 16) {
                throw WireFormatException.limit(HttpSpec.SC_CONTENT_TOO_LARGE, SIZE_LINE,
                        "Chunked content is larger than " + limits.maxContentLength() + " bytes");
            }
            size = size * 16 + digit;
            i++;
        }
        if (i == 0) {
            throw new WireFormatException(SIZE_LINE, "expected a hexadecimal chunk size but was \""
                    + OneLine.of(line) + "\"");
        }
        extensions(line, i);
        contentLength += size;
        remaining = size;
        state = size == 0 ? State.TRAILER : State.DATA;
    }

    /** Checks {@code line[from..]} against {@code chunk-ext}; the extensions themselves are not used. */
    private static void extensions(String line, int from) {
        FieldReader r = new FieldReader("chunk-ext", line.substring(from));
        try {
            while (!r.atEnd()) {
                r.skipOws();
                r.expect(';');
                r.skipOws();
                r.token();
                r.skipOws();
                if (r.consume('=')) {
                    r.skipOws();
                    r.tokenOrQuotedString();
                }
            }
        } catch (FieldSyntaxException e) {
            String reason = e.reason();
            throw new WireFormatException(SIZE_LINE, reason.substring(reason.indexOf(": ") + 2)
                    + " in \"" + OneLine.of(line) + "\"");
        }
    }

    private void trailer(ByteBuffer in) {
        int before = in.position();
        String line = trailerLines.read(in, limits.maxTrailerSize() - trailerSize);
        trailerSize += in.position() - before;
        if (line == null) {
            if (trailerLines.tooLong() || trailerSize >= limits.maxTrailerSize()) {
                throw WireFormatException.limit(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, "trailer section",
                        "Trailer section is larger than " + limits.maxTrailerSize() + " bytes");
            }
            return;
        }
        if (line.isEmpty()) {
            state = State.DONE;
            return;
        }
        FieldLine.parse(line);
    }

    private static void expect(byte actual, char expected) {
        if (actual != expected) {
            throw new WireFormatException("chunk", "expected CRLF after the chunk data but was "
                    + String.format("0x%02X", actual & 0xff));
        }
    }
}
