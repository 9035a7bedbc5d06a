package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BodyFramingTest {

    private static final StatusLine OK = StatusLine.parse("HTTP/1.1 200 OK");

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("neither field: no content", List.of(), List.of(), "NONE"),
                Arguments.of("a length", List.of(), List.of("5"), "LENGTH 5"),
                Arguments.of("a zero length: no content", List.of(), List.of("0"), "NONE"),
                Arguments.of("chunked", List.of("chunked"), List.of(), "CHUNKED [chunked]"),
                Arguments.of("chunked in any case", List.of("Chunked"), List.of(), "CHUNKED [chunked]"),
                Arguments.of("a coding before chunked", List.of("gzip", "chunked"), List.of(), "CHUNKED [gzip, chunked]"),
                Arguments.of("a coding with a parameter", List.of("foo;a=\"b\", chunked"), List.of(), "CHUNKED [foo, chunked]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void framesARequest(String label, List<String> te, List<String> cl, String expected) {
        assertThat(BodyFraming.request(HttpVersion.HTTP_1_1, te, cl)).hasToString(expected);
    }

    static Stream<Arguments> smuggling() {
        return Stream.of(
                Arguments.of("Transfer-Encoding with Content-Length", HttpVersion.HTTP_1_1, List.of("chunked"),
                        List.of("5"), "expected Transfer-Encoding or Content-Length but the request has both"),
                Arguments.of("a last coding other than chunked", HttpVersion.HTTP_1_1, List.of("gzip"), List.of(),
                        "expected chunked as the last coding of a request but was [gzip]"),
                Arguments.of("chunked twice", HttpVersion.HTTP_1_1, List.of("chunked, chunked"), List.of(),
                        "expected chunked once and last but was [chunked, chunked]"),
                Arguments.of("Transfer-Encoding in HTTP/1.0", HttpVersion.HTTP_1_0, List.of("chunked"), List.of(),
                        "expected no Transfer-Encoding in an HTTP/1.0 message (RFC 9112 section 6.1)"),
                Arguments.of("an empty Transfer-Encoding", HttpVersion.HTTP_1_1, List.of(""), List.of(),
                        "expected at least one element but the list was empty"),
                Arguments.of("a quoted coding", HttpVersion.HTTP_1_1, List.of("\"chunked\""), List.of(),
                        "expected token but was '\"' at offset 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smuggling")
    void refusesAmbiguousRequestFramingWith400(String label, HttpVersion version, List<String> te, List<String> cl,
            String problem) {
        assertThatThrownBy(() -> BodyFraming.request(version, te, cl))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Invalid Transfer-Encoding field: " + problem);
                });
    }

    @Test
    void refusesAnInvalidContentLengthInARequest() {
        assertThatThrownBy(() -> BodyFraming.request(HttpVersion.HTTP_1_1, List.of(), List.of("5, 6")))
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Content-Length field: expected one length but the values differ: 5 and 6");
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("a response to HEAD", "HEAD", "HTTP/1.1 200 OK", List.of("chunked"), List.of("5"), "NONE"),
                Arguments.of("a 101", "GET", "HTTP/1.1 101 Switching Protocols", List.of(), List.of(), "NONE"),
                Arguments.of("a 204", "GET", "HTTP/1.1 204 No Content", List.of(), List.of("5"), "NONE"),
                Arguments.of("a 304", "GET", "HTTP/1.1 304 Not Modified", List.of(), List.of("5"), "NONE"),
                Arguments.of("a 2xx to CONNECT", "CONNECT", "HTTP/1.1 200 OK", List.of(), List.of(), "NONE"),
                Arguments.of("a refused CONNECT has content", "CONNECT", "HTTP/1.1 403 Forbidden", List.of(), List.of("3"),
                        "LENGTH 3"),
                Arguments.of("chunked overrides a length", "GET", "HTTP/1.1 200 OK", List.of("chunked"), List.of("5"),
                        "CHUNKED [chunked]"),
                Arguments.of("another last coding ends at close", "GET", "HTTP/1.1 200 OK", List.of("gzip"), List.of(),
                        "UNTIL_CLOSE [gzip]"),
                Arguments.of("a length", "GET", "HTTP/1.1 426 Upgrade Required", List.of(), List.of("12"), "LENGTH 12"),
                Arguments.of("neither field ends at close", "GET", "HTTP/1.0 200 OK", List.of(), List.of(), "UNTIL_CLOSE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void framesAResponse(String label, String method, String statusLine, List<String> te, List<String> cl,
            String expected) {
        assertThat(BodyFraming.response(method, StatusLine.parse(statusLine), te, cl)).hasToString(expected);
    }

    @Test
    @DisplayName("a backend's response with chunked before another coding is refused, not read until close")
    void refusesChunkedBeforeAnotherCodingInAResponse() {
        assertThatThrownBy(() -> BodyFraming.response("GET", OK, List.of("chunked, gzip"), List.of()))
                .isInstanceOf(FieldSyntaxException.class)
                .hasMessage("Invalid Transfer-Encoding field: expected chunked once and last but was [chunked, gzip]");
    }

    @Test
    void framesAHeadTheReaderRead() {
        MessageHead<RequestLine> head = HeadReader.request(HeadLimits.DEFAULT).read(ByteBuffer.wrap(
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        assertThat(BodyFraming.of(head).kind()).isEqualTo(BodyFraming.Kind.CHUNKED);
        assertThat(BodyFraming.of("GET", HeadReader.response(HeadLimits.DEFAULT).read(ByteBuffer.wrap(
                "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n".getBytes(StandardCharsets.US_ASCII))))
                .length()).isEqualTo(7);
    }
}
