package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedDecoderTest {

    private static final String BODY = "4\r\nWiki\r\n6;name=\"a b\"\r\npedia \r\nE ; x\r\nin \r\n\r\nchunks.\r\n0\r\n"
            + "Expires: never\r\n\r\n";

    /** Decodes {@code text} fed in pieces of {@code piece} bytes; returns the content, then what was left. */
    static String[] decode(ChunkedDecoder decoder, String text, int piece) {
        ByteBuffer all = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (all.hasRemaining() && !decoder.isComplete()) {
            ByteBuffer part = all.slice();
            part.limit(Math.min(piece, part.remaining()));
            while (part.hasRemaining() && !decoder.isComplete()) {
                ByteBuffer data = decoder.read(part);
                while (data.hasRemaining()) {
                    content.write(data.get());
                }
            }
            all.position(all.position() + part.position());
        }
        return new String[] {content.toString(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1.decode(all).toString()};
    }

    @ParameterizedTest(name = "in pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 5, 13, 4096})
    void decodesTheContentWhateverThePiecesAndStopsAtTheEnd(int piece) {
        ChunkedDecoder decoder = new ChunkedDecoder(ChunkedLimits.DEFAULT);

        String[] out = decode(decoder, BODY + "GET / HTTP/1.1\r\n", piece);

        assertThat(out[0]).isEqualTo("Wikipedia in \r\n\r\nchunks.");
        assertThat(out[1]).isEqualTo("GET / HTTP/1.1\r\n");
        assertThat(decoder.isComplete()).isTrue();
        assertThat(decoder.contentLength()).isEqualTo(24);
    }

    @Test
    void handsOutContentWithoutCopyingIt() {
        ByteBuffer in = ByteBuffer.wrap("3\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        ChunkedDecoder decoder = new ChunkedDecoder(ChunkedLimits.DEFAULT);

        ByteBuffer data = decoder.read(in);

        assertThat(data.remaining()).isEqualTo(3);
        assertThat(data.array()).isSameAs(in.array());
        assertThat(decoder.read(in).hasRemaining()).isFalse();
        assertThat(decoder.isComplete()).isTrue();
    }

    @Test
    void acceptsLeadingZerosInTheSize() {
        assertThat(decode(new ChunkedDecoder(ChunkedLimits.DEFAULT), "0000000000000000000003\r\nabc\r\n0\r\n\r\n", 7)[0])
                .isEqualTo("abc");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no size", "\r\n", "Invalid chunk size line: expected a hexadecimal chunk size but was \"\""),
                Arguments.of("a signed size", "+5\r\nhello\r\n", "Invalid chunk size line: expected a hexadecimal chunk size but was \"+5\""),
                Arguments.of("a 0x prefix", "0x5\r\nhello\r\n",
                        "Invalid chunk size line: expected ';' but was 'x' at offset 0 in \"0x5\""),
                Arguments.of("whitespace after the size alone", "5 \r\nhello\r\n",
                        "Invalid chunk size line: expected ';' but was end of field at offset 1 in \"5 \""),
                Arguments.of("an extension without a name", "5;\r\nhello\r\n",
                        "Invalid chunk size line: expected token but was end of field at offset 1 in \"5;\""),
                Arguments.of("an unterminated quoted extension", "5;a=\"b\r\nhello\r\n",
                        "Invalid chunk size line: expected '\"' but was end of field at offset 5 in \"5;a=\"b\""),
                Arguments.of("a bare LF after the size", "5\nhello\r\n",
                        "Invalid chunk size line: expected CRLF at the end of a line but was a bare LF"),
                Arguments.of("a bare CR inside the size line", "5;a\rb\r\nhello\r\n",
                        "Invalid chunk size line: expected no CR inside a line but was a bare CR at offset 3"),
                Arguments.of("data longer than its size", "5\r\nhello!\r\n",
                        "Invalid chunk: expected CRLF after the chunk data but was 0x21"),
                Arguments.of("a bare LF after the data", "5\r\nhello\n0\r\n\r\n",
                        "Invalid chunk: expected CRLF after the chunk data but was 0x0A"),
                Arguments.of("a folded trailer", "0\r\nA: b\r\n c\r\n\r\n",
                        "Invalid field line: a folded field line (obs-fold): \" c\""),
                Arguments.of("a trailer without a colon", "0\r\nnonsense\r\n\r\n",
                        "Invalid field line: expected name \":\" value but was \"nonsense\""),
                Arguments.of("a bare LF ending the trailers", "0\r\n\n",
                        "Invalid trailer section: expected CRLF at the end of a line but was a bare LF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedFramingWith400(String label, String text, String reason) {
        assertThatThrownBy(() -> decode(new ChunkedDecoder(ChunkedLimits.DEFAULT), text, 3))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    static Stream<Arguments> overLimits() {
        ChunkedLimits limits = new ChunkedLimits(16, 24, 10);
        return Stream.of(
                Arguments.of("content past the limit, refused when announced", limits, "6\r\nhello!\r\n5\r\n", 413,
                        "Chunked content is larger than 10 bytes"),
                Arguments.of("a size that overflows a long", ChunkedLimits.DEFAULT, "8000000000000000\r\n", 413,
                        "Chunked content is larger than 9223372036854775807 bytes"),
                Arguments.of("a size line past the line limit", limits, "1;" + "a".repeat(20) + "\r\n", 400,
                        "Invalid chunk size line: expected at most 16 bytes before CRLF"),
                Arguments.of("trailers past the size limit", limits, "0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 431,
                        "Trailer section is larger than 24 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimits")
    void refusesABodyPastALimitAsItsBytesArrive(String label, ChunkedLimits limits, String text, int status, String reason) {
        assertThatThrownBy(() -> decode(new ChunkedDecoder(limits), text, 1))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    void decodesTheSameContentFromEverySplitOfItsBytes() {
        for (int cut = 0; cut <= BODY.length(); cut++) {
            ChunkedDecoder decoder = new ChunkedDecoder(ChunkedLimits.DEFAULT);
            StringBuilder content = new StringBuilder();
            for (String part : new String[] {BODY.substring(0, cut), BODY.substring(cut)}) {
                content.append(decode(decoder, part, Integer.MAX_VALUE)[0]);
            }
            assertThat(content).as("cut at %d", cut).hasToString("Wikipedia in \r\n\r\nchunks.");
            assertThat(decoder.isComplete()).isTrue();
        }
    }
}
