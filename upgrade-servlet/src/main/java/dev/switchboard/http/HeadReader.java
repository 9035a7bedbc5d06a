package dev.switchboard.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.switchboard.http.internal.LineReader;

/**
 * Reads one HTTP/1.1 message head, request or response, from input that arrives in pieces on
 * a non-blocking connection (RFC 9112 sections 2 to 5): the start line, the field lines, the
 * empty line. Feed it each buffer as it arrives; it consumes bytes up to the end of the head
 * and no further, so what remains in the buffer is the content or the next message.
 *
 * <ul>
 *   <li>lines end in CRLF, or a bare LF (section 2.2 allows it); a bare CR anywhere is 400;</li>
 *   <li>empty lines before a request line are skipped (section 2.2), but count towards the
 *       head's size; before a status line they are 400;</li>
 *   <li>a folded line (obs-fold, section 5.2), whitespace before a colon (section 5.1) and a
 *       control character in a value are 400 (see {@link FieldLine});</li>
 *   <li>the {@link HeadLimits} are enforced as bytes arrive, never after buffering more: a
 *       request line past the line limit is 414, any other line, one field too many, or a
 *       head past the size limit is 431.</li>
 * </ul>
 *
 * Each byte is looked at once; memory stays within the line limit plus the fields kept. Every
 * problem is a {@link WireFormatException} with the status owed to the sender; a caller that
 * reads a backend's response answers its own client with 502 instead. Not thread-safe: one
 * reader per message, fed serially.
 *
 * @param <S> {@link RequestLine} or {@link StatusLine}
 */
public final class HeadReader<S> {

    private static final String WHAT = "message head";

    private final HeadLimits limits;
    private final Function<String, S> startLineParser;
    private final boolean request;
    private final LineReader lines;
    private final List<FieldLine> fields = new ArrayList<>();
    private S startLine;
    private int size;
    private MessageHead<S> head;

    private HeadReader(HeadLimits limits, Function<String, S> startLineParser, boolean request) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.startLineParser = startLineParser;
        this.request = request;
        this.lines = new LineReader(limits.maxLineLength(), false, WHAT);
    }

    /** A reader for one request head. */
    public static HeadReader<RequestLine> request(HeadLimits limits) {
        return new HeadReader<>(limits, RequestLine::parse, true);
    }

    /** A reader for one response head. */
    public static HeadReader<StatusLine> response(HeadLimits limits) {
        return new HeadReader<>(limits, StatusLine::parse, false);
    }

    /**
     * Consumes bytes of {@code in} up to the end of the head.
     *
     * @return the head once its empty line has been read, else null: all of {@code in} was
     *     consumed and more is needed
     * @throws WireFormatException (400, 414, 431) if the bytes are not a head within the limits
     * @throws IllegalStateException if the head was already returned
     */
    public MessageHead<S> read(ByteBuffer in) {
        if (head != null) {
            throw new IllegalStateException("the head has been read; use a new reader for the next message");
        }
        while (in.hasRemaining()) {
            int before = in.position();
            String line = lines.read(in, limits.maxHeadSize() - size);
            size += in.position() - before;
            if (line == null) {
                checkIncomplete();
                continue;
            }
            if (accept(line)) {
                return head;
            }
        }
        return null;
    }

    /** Whether no byte of a head has been read: a connection that ends now ends cleanly between messages. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Bytes consumed so far. */
    public int size() {
        return size;
    }

    private void checkIncomplete() {
        if (lines.tooLong()) {
            if (startLine == null && request) {
                throw WireFormatException.limit(HttpSpec.SC_URI_TOO_LONG, WHAT,
                        "Request line is longer than " + limits.maxLineLength() + " bytes");
            }
            throw WireFormatException.limit(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, WHAT,
                    (startLine == null ? "Status line" : "A field line") + " is longer than "
                            + limits.maxLineLength() + " bytes");
        }
        if (size >= limits.maxHeadSize()) {
            throw WireFormatException.limit(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, WHAT,
                    "Message head is larger than " + limits.maxHeadSize() + " bytes");
        }
    }

    /** Takes one complete line; true when it ended the head. */
    private boolean accept(String line) {
        if (startLine == null) {
            if (line.isEmpty()) {
                if (!request) {
                    throw new WireFormatException(WHAT, "expected a status line but was an empty line");
                }
                return false;
            }
            startLine = startLineParser.apply(line);
            return false;
        }
        if (line.isEmpty()) {
            head = new MessageHead<>(startLine, fields, size);
            return true;
        }
        if (fields.size() == limits.maxFieldCount()) {
            throw WireFormatException.limit(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, WHAT,
                    "Message head has more than " + limits.maxFieldCount() + " field lines");
        }
        fields.add(FieldLine.parse(line));
        return false;
    }
}
