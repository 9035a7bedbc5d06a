package dev.switchboard.http;

import static dev.switchboard.http.WireFuzzing.assertRefusal;
import static dev.switchboard.http.WireFuzzing.lines;
import static dev.switchboard.http.WireFuzzing.parsedOrNull;
import static dev.switchboard.http.WireFuzzing.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.BiFunction;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the HTTP/1.1 message readers. Without {@code JAZZER_FUZZ} each runs once per
 * file of {@code src/test/resources/dev/switchboard/http/MessageFuzzTestInputs/<method>/} in
 * every build; docs/fuzzing.md tells how to fuzz for real. The incremental readers are fed the
 * input whole and in pieces of a size taken from its first byte, and must agree.
 */
class MessageFuzzTest {

    private static final HeadLimits HEAD_LIMITS = new HeadLimits(256, 16, 1024);
    private static final ChunkedLimits CHUNKED_LIMITS = new ChunkedLimits(64, 256, 4096);

    @FuzzTest
    void httpVersion(byte[] input) {
        HttpVersion version = parsedOrNull(text(input), HttpVersion::parse);
        if (version != null) {
            assertThat(HttpVersion.parse(version.toString())).isEqualTo(version);
        }
    }

    @FuzzTest
    void contentLength(byte[] input) {
        ContentLength length = parsedOrNull(lines(input), ContentLength::parse);
        if (length != null) {
            assertThat(ContentLength.parse(length.toHeaderValue())).isEqualTo(length);
        }
    }

    /** A request head, then its content framed as the head says, the chunked coding decoded. */
    @FuzzTest
    void requestHead(byte[] input) {
        BiFunction<MessageHead<RequestLine>, Integer, String> body = (head, end) -> {
            BodyFraming framing = parsedOrNull(head, BodyFraming::of);
            if (framing != null && framing.kind() == BodyFraming.Kind.CHUNKED) {
                return framing + " " + chunkedOutcome(input, piece(input), end);
            }
            return Objects.toString(framing);
        };
        String whole = outcome(input, Integer.MAX_VALUE, HeadReader.request(HEAD_LIMITS), body);
        String pieces = outcome(input, piece(input), HeadReader.request(HEAD_LIMITS), body);
        assertThat(pieces).isEqualTo(whole);
    }

    @FuzzTest
    void responseHead(byte[] input) {
        BiFunction<MessageHead<StatusLine>, Integer, String> framing = (head, end) -> Objects.toString(
                parsedOrNull(head, h -> BodyFraming.of("GET", h)));
        String whole = outcome(input, Integer.MAX_VALUE, HeadReader.response(HEAD_LIMITS), framing);
        String pieces = outcome(input, piece(input), HeadReader.response(HEAD_LIMITS), framing);
        assertThat(pieces).isEqualTo(whole);
    }

    @FuzzTest
    void chunked(byte[] input) {
        assertThat(chunkedOutcome(input, piece(input), 0)).isEqualTo(chunkedOutcome(input, Integer.MAX_VALUE, 0));
    }

    /** What a reader makes of {@code input} fed in pieces: the head and what follows it, or the refusal. */
    private static <S> String outcome(byte[] input, int piece, HeadReader<S> reader,
            BiFunction<MessageHead<S>, Integer, String> after) {
        ByteBuffer all = ByteBuffer.wrap(input);
        try {
            while (all.hasRemaining()) {
                ByteBuffer part = all.slice();
                part.limit(Math.min(piece, part.remaining()));
                MessageHead<S> head = reader.read(part);
                all.position(all.position() + part.position());
                if (head != null) {
                    assertThat(head.size()).isEqualTo(all.position());
                    return head + " " + after.apply(head, all.position()) + " +" + all.remaining();
                }
            }
            return "incomplete after " + reader.size();
        } catch (WireFormatException e) {
            assertRefusal(e);
            return e.status() + " " + e.reason();
        }
    }

    /** The content the decoder hands out for {@code input[from..]} fed in pieces, and where it stopped; or the refusal. */
    private static String chunkedOutcome(byte[] input, int piece, int from) {
        ChunkedDecoder decoder = new ChunkedDecoder(CHUNKED_LIMITS);
        ByteBuffer all = ByteBuffer.wrap(input, from, input.length - from);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            while (all.hasRemaining() && !decoder.isComplete()) {
                ByteBuffer part = all.slice();
                part.limit(Math.min(piece, part.remaining()));
                while (part.hasRemaining() && !decoder.isComplete()) {
                    ByteBuffer data = decoder.read(part);
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    content.writeBytes(bytes);
                }
                all.position(all.position() + part.position());
            }
            assertThat((long) content.size()).isLessThanOrEqualTo(decoder.contentLength());
            return content + " complete=" + decoder.isComplete() + " +" + all.remaining();
        } catch (WireFormatException e) {
            assertRefusal(e);
            return e.status() + " " + e.reason();
        }
    }

    /** A piece size from 1 to 16, from the first byte, so the fuzzer explores the splits too. */
    private static int piece(byte[] input) {
        return input.length == 0 ? 1 : 1 + (input[0] & 0x0f);
    }
}
