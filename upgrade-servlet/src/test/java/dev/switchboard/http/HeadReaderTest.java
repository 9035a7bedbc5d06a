package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeadReaderTest {

    private static final String REQUEST = "GET /chat?room=1 HTTP/1.1\r\nHost: example.com\r\nUpgrade:  websocket \r\n"
            + "Connection: Upgrade\r\n\r\n";

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds {@code text} in pieces of {@code piece} bytes until the head is read; what is left stays in the buffer. */
    private static <S> MessageHead<S> feed(HeadReader<S> reader, ByteBuffer all, int piece) {
        while (all.hasRemaining()) {
            ByteBuffer part = all.slice();
            part.limit(Math.min(piece, part.remaining()));
            MessageHead<S> head = reader.read(part);
            all.position(all.position() + part.position());
            if (head != null) {
                return head;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "in pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64, 10_000})
    void readsARequestHeadWhateverThePiecesAndLeavesTheContent(int piece) {
        ByteBuffer in = bytes(REQUEST + "hello");

        MessageHead<RequestLine> head = feed(HeadReader.request(HeadLimits.DEFAULT), in, piece);

        assertThat(head.startLine()).isEqualTo(new RequestLine("GET", "/chat?room=1", HttpVersion.HTTP_1_1));
        assertThat(head.fields()).containsExactly(new FieldLine("Host", "example.com"),
                new FieldLine("Upgrade", "websocket"), new FieldLine("Connection", "Upgrade"));
        assertThat(head.values("upgrade")).containsExactly("websocket");
        assertThat(head.size()).isEqualTo(REQUEST.length());
        assertThat(StandardCharsets.ISO_8859_1.decode(in).toString()).isEqualTo("hello");
    }

    @Test
    void readsAResponseHeadWithBareLineFeeds() {
        MessageHead<StatusLine> head = HeadReader.response(HeadLimits.DEFAULT)
                .read(bytes("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n"));

        assertThat(head.startLine()).isEqualTo(new StatusLine(HttpVersion.HTTP_1_1, 101, "Switching Protocols"));
        assertThat(head.values("Upgrade")).containsExactly("websocket");
    }

    @Test
    void readsAStatusLineWithoutAReasonPhrase() {
        assertThat(HeadReader.response(HeadLimits.DEFAULT).read(bytes("HTTP/1.1 204\r\n\r\n")).startLine())
                .isEqualTo(new StatusLine(HttpVersion.HTTP_1_1, 204, ""));
    }

    @Test
    void skipsEmptyLinesBeforeARequestLine() {
        MessageHead<RequestLine> head = HeadReader.request(HeadLimits.DEFAULT).read(bytes("\r\n\nGET / HTTP/1.1\r\n\r\n"));

        assertThat(head.startLine().target()).isEqualTo("/");
        assertThat(head.size()).isEqualTo(21);
    }

    @Test
    void asksForMoreUntilTheEmptyLineArrives() {
        HeadReader<RequestLine> reader = HeadReader.request(HeadLimits.DEFAULT);

        assertThat(reader.isEmpty()).isTrue();
        assertThat(reader.read(bytes("GET / HTTP/1.1\r\nHost: a\r\n"))).isNull();
        assertThat(reader.isEmpty()).isFalse();
        assertThat(reader.read(bytes("\r\n"))).isNotNull();
        assertThatThrownBy(() -> reader.read(bytes("GET"))).isInstanceOf(IllegalStateException.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a folded line", "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n",
                        "Invalid field line: a folded field line (obs-fold): \" c\""),
                Arguments.of("whitespace before the colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
                        "Invalid field line: expected a token before ':' with no whitespace but was \"Host \""),
                Arguments.of("no colon", "GET / HTTP/1.1\r\nHost\r\n\r\n",
                        "Invalid field line: expected name \":\" value but was \"Host\""),
                Arguments.of("a bare CR in a field", "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n",
                        "Invalid message head: expected no CR inside a line but was a bare CR at offset 4"),
                Arguments.of("a NUL in a value", "GET / HTTP/1.1\r\nA: b\u0000\r\n\r\n",
                        "Invalid field line: expected no control character in the value of A but was U+0000"),
                Arguments.of("two spaces in the request line", "GET  / HTTP/1.1\r\n\r\n",
                        "Invalid request line: expected method SP target SP version but was \"GET  / HTTP/1.1\""),
                Arguments.of("a tab in the request line", "GET\t/ HTTP/1.1\r\n\r\n",
                        "Invalid request line: expected method SP target SP version but was \"GET\\x09/ HTTP/1.1\""),
                Arguments.of("a method that is not a token", "G(T / HTTP/1.1\r\n\r\n",
                        "Invalid request line: expected a token for the method but was \"G(T / HTTP/1.1\""),
                Arguments.of("non-ASCII in the target", "GET /\u00e9 HTTP/1.1\r\n\r\n",
                        "Invalid request line: expected visible ASCII in the request target but was \"GET /\\xE9 HTTP/1.1\""),
                Arguments.of("a lower-case version", "GET / http/1.1\r\n\r\n",
                        "Invalid HTTP version: expected HTTP/DIGIT.DIGIT but was \"http/1.1\""),
                Arguments.of("HTTP/0.9, without a version", "GET /\r\n\r\n",
                        "Invalid request line: expected method SP target SP version but was \"GET /\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesAMalformedRequestHeadWith400(String label, String text, String reason) {
        assertThatThrownBy(() -> HeadReader.request(HeadLimits.DEFAULT).read(bytes(text)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    static Stream<Arguments> malformedResponses() {
        return Stream.of(
                Arguments.of("PRX-02 an empty line first", "\r\nHTTP/1.1 200 OK\r\n\r\n",
                        "Invalid message head: expected a status line but was an empty line"),
                Arguments.of("PRX-02 a status below 100", "HTTP/1.1 099 X\r\n\r\n",
                        "Invalid status line: expected a status code from 100 to 599 but was \"HTTP/1.1 099 X\""),
                Arguments.of("PRX-02 a status above 599", "HTTP/1.1 600 X\r\n\r\n",
                        "Invalid status line: expected a status code from 100 to 599 but was \"HTTP/1.1 600 X\""),
                Arguments.of("PRX-02 a two-digit status", "HTTP/1.1 20 OK\r\n\r\n",
                        "Invalid status line: expected a status line such as HTTP/1.1 101 but was \"HTTP/1.1 20 OK\""),
                Arguments.of("PRX-02 a control character in the reason", "HTTP/1.1 200 O\u0001K\r\n\r\n",
                        "Invalid status line: expected no control character in the reason phrase but was \"HTTP/1.1 200 O\\x01K\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedResponses")
    void refusesAMalformedResponseHeadWith400(String label, String text, String reason) {
        assertThatThrownBy(() -> HeadReader.response(HeadLimits.DEFAULT).read(bytes(text)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedResponses")
    void namesTheProblemWithoutWhatWasReadForACallerThatWordsItsOwnReason(String label, String text, String reason) {
        assertThatThrownBy(() -> HeadReader.response(HeadLimits.DEFAULT).read(bytes(text)))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat("Invalid " + e.what() + ": " + e.problem()).isEqualTo(reason));
    }

    static Stream<Arguments> overLimits() {
        HeadLimits limits = new HeadLimits(32, 2, 64);
        return Stream.of(
                Arguments.of("a request line past the line limit", limits, "GET /" + "a".repeat(40) + " HTTP/1.1\r\n", 414,
                        "Request line is longer than 32 bytes"),
                Arguments.of("a field line past the line limit", limits, "GET / HTTP/1.1\r\nA: " + "b".repeat(40), 431,
                        "A field line is longer than 32 bytes"),
                Arguments.of("a field too many", limits, "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 431,
                        "Message head has more than 2 field lines"),
                Arguments.of("a head past the size limit", limits, "GET / HTTP/1.1\r\nA: " + "1".repeat(25) + "\r\nB: "
                        + "2".repeat(25) + "\r\n\r\n", 431, "Message head is larger than 64 bytes"),
                Arguments.of("empty lines before the request line count", limits, "\r\n".repeat(40), 431,
                        "Message head is larger than 64 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimits")
    void refusesAHeadPastALimitAsItsBytesArrive(String label, HeadLimits limits, String text, int status, String reason) {
        assertThatThrownBy(() -> feed(HeadReader.request(limits), bytes(text), 1))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    void readsAHeadOfExactlyTheSizeLimit() {
        String text = "GET / HTTP/1.1\r\nA: b\r\n\r\n";
        HeadLimits limits = new HeadLimits(32, 2, text.length());

        assertThat(feed(HeadReader.request(limits), bytes(text), 1)).isNotNull();
    }

    @Test
    void readsTheSameHeadFromEverySplitOfItsBytes() {
        String text = "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
        MessageHead<RequestLine> whole = HeadReader.request(HeadLimits.DEFAULT).read(bytes(text));
        for (int cut = 0; cut <= text.length(); cut++) {
            HeadReader<RequestLine> reader = HeadReader.request(HeadLimits.DEFAULT);
            ByteBuffer first = bytes(text.substring(0, cut));
            ByteBuffer second = bytes(text.substring(cut));
            MessageHead<RequestLine> head = reader.read(first);
            if (head == null) {
                head = reader.read(second);
            }
            assertThat(head).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(whole.fields()).extracting(FieldLine::name).isEqualTo(List.of("Host", "Content-Length"));
    }
}
