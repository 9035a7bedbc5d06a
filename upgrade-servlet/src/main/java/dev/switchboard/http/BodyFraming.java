package dev.switchboard.http;

import java.util.List;
import java.util.Locale;


/**
 * How the content of an HTTP/1.1 message is delimited (RFC 9112 section 6.3), decided from its
 * {@code Transfer-Encoding} and {@code Content-Length} and, for a response, the request method
 * and status. Requests get the strict reading that keeps a server from being smuggled past:
 *
 * <ul>
 *   <li>{@code Transfer-Encoding} and {@code Content-Length} together: 400 (section 6.3 item 3
 *       lets a server refuse them; a reader that picks one is how requests are smuggled);</li>
 *   <li>{@code Transfer-Encoding} whose last coding is not {@code chunked}: 400 (item 4);</li>
 *   <li>{@code chunked} anywhere but last, in a request or a response: 400 (section 6.1
 *       allows it once, and only as the final coding that frames the message);</li>
 *   <li>{@code Transfer-Encoding} in an HTTP/1.0 message: 400 (section 6.1);</li>
 *   <li>an invalid {@code Content-Length}: 400 ({@link ContentLength});</li>
 *   <li>neither: no content.</li>
 * </ul>
 *
 * A response to {@code HEAD}, a 1xx, 204 and 304 and a 2xx to {@code CONNECT} have no content;
 * otherwise {@code Transfer-Encoding} ending in {@code chunked} is chunked, any other ends at
 * close, and it overrides {@code Content-Length} (item 3); without either the content ends at
 * close. A proxy that reads a backend's response answers 502 where this says 400.
 * Codings before {@code chunked} ({@code gzip, chunked}) are reported in {@link #codings()};
 * whether to refuse them (501) is the caller's decision. Immutable.
 */
public final class BodyFraming {

    /** The way the content ends. */
    public enum Kind {
        /** There is no content. */
        NONE,
        /** {@link #length()} bytes follow. */
        LENGTH,
        /** The chunked coding follows ({@link ChunkedDecoder}). */
        CHUNKED,
        /** The content ends when the connection closes (responses only). */
        UNTIL_CLOSE
    }

    private static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0, List.of());
    private static final BodyFraming UNTIL_CLOSE_NO_CODING = new BodyFraming(Kind.UNTIL_CLOSE, -1, List.of());

    private final Kind kind;
    private final long length;
    private final List<String> codings;

    private BodyFraming(Kind kind, long length, List<String> codings) {
        this.kind = kind;
        this.length = length;
        this.codings = codings;
    }

    /**
     * The framing of a request.
     *
     * @throws FieldSyntaxException (400) as listed in the class comment
     */
    public static BodyFraming request(HttpVersion version, List<String> transferEncoding, List<String> contentLength) {
        if (!transferEncoding.isEmpty()) {
            if (!contentLength.isEmpty()) {
                throw new FieldSyntaxException(HttpSpec.TRANSFER_ENCODING,
                        "expected Transfer-Encoding or Content-Length but the request has both");
            }
            List<String> codings = codings(version, transferEncoding);
            if (!codings.get(codings.size() - 1).equals(HttpSpec.CHUNKED)) {
                throw new FieldSyntaxException(HttpSpec.TRANSFER_ENCODING,
                        "expected chunked as the last coding of a request but was " + OneLine.of(codings.toString()));
            }
            return new BodyFraming(Kind.CHUNKED, -1, codings);
        }
        if (!contentLength.isEmpty()) {
            long n = ContentLength.parse(contentLength).value();
            return n == 0 ? NONE : new BodyFraming(Kind.LENGTH, n, List.of());
        }
        return NONE;
    }

    /** The framing of a request head; see {@link #request(HttpVersion, List, List)}. */
    public static BodyFraming of(MessageHead<RequestLine> head) {
        return request(head.startLine().version(), head.values(HttpSpec.TRANSFER_ENCODING),
                head.values(HttpSpec.CONTENT_LENGTH));
    }

    /**
     * The framing of a response to a request made with {@code requestMethod}.
     *
     * @throws FieldSyntaxException (400; a proxy answers 502) if {@code Transfer-Encoding} is
     *     malformed, in an HTTP/1.0 response, or has {@code chunked} anywhere but last, or
     *     {@code Content-Length} is invalid
     */
    public static BodyFraming response(String requestMethod, StatusLine status, List<String> transferEncoding,
            List<String> contentLength) {
        int code = status.status();
        if ("HEAD".equals(requestMethod) || code < 200 || code == 204 || code == 304
                || (HttpSpec.METHOD_CONNECT.equals(requestMethod) && code < 300)) {
            return NONE;
        }
        if (!transferEncoding.isEmpty()) {
            List<String> codings = codings(status.version(), transferEncoding);
            Kind kind = codings.get(codings.size() - 1).equals(HttpSpec.CHUNKED) ? Kind.CHUNKED : Kind.UNTIL_CLOSE;
            return new BodyFraming(kind, -1, codings);
        }
        if (!contentLength.isEmpty()) {
            return new BodyFraming(Kind.LENGTH, ContentLength.parse(contentLength).value(), List.of());
        }
        return UNTIL_CLOSE_NO_CODING;
    }

    /** The framing of a response head; see {@link #response(String, StatusLine, List, List)}. */
    public static BodyFraming of(String requestMethod, MessageHead<StatusLine> head) {
        return response(requestMethod, head.startLine(), head.values(HttpSpec.TRANSFER_ENCODING),
                head.values(HttpSpec.CONTENT_LENGTH));
    }

    public Kind kind() {
        return kind;
    }

    /** The content length for {@link Kind#LENGTH}, 0 for {@link Kind#NONE}, else -1. */
    public long length() {
        return length;
    }

    /** The transfer codings, lower-cased, in the order applied; empty without {@code Transfer-Encoding}. */
    public List<String> codings() {
        return codings;
    }

    @Override
    public String toString() {
        return kind == Kind.LENGTH ? "LENGTH " + length : codings.isEmpty() ? kind.name() : kind + " " + codings;
    }

    /** {@code Transfer-Encoding = #transfer-coding}, each {@code token *( OWS ";" OWS transfer-parameter )}. */
    private static List<String> codings(HttpVersion version, List<String> lines) {
        if (!version.isAtLeast(HttpVersion.HTTP_1_1)) {
            throw new FieldSyntaxException(HttpSpec.TRANSFER_ENCODING,
                    "expected no Transfer-Encoding in an " + version + " message (RFC 9112 section 6.1)");
        }
        List<String> codings = FieldReader.parseList(HttpSpec.TRANSFER_ENCODING, lines, true, BodyFraming::coding);
        if (codings.indexOf(HttpSpec.CHUNKED) < codings.size() - 1 && codings.contains(HttpSpec.CHUNKED)) {
            throw new FieldSyntaxException(HttpSpec.TRANSFER_ENCODING,
                    "expected chunked once and last but was " + OneLine.of(codings.toString()));
        }
        return codings;
    }

    private static String coding(FieldReader r) {
        String name = r.token().toLowerCase(Locale.ROOT);
        r.skipOws();
        while (r.consume(';')) {
            r.skipOws();
            r.token();
            r.skipOws();
            r.expect('=');
            r.skipOws();
            r.tokenOrQuotedString();
            r.skipOws();
        }
        return name;
    }
}
