package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of the wire model over generated samples ({@link Samples}): what it writes, it
 * reads back; what it reads, it accepts or refuses with a 4xx, never anything else and never
 * without end; the incremental readers give the same answer however the bytes are split.
 */
class WirePropertiesTest {

    private static final int TRIES = 1000;
    private static final String NAME_CHARS = "abcXYZ019-._~";
    private static final String WIRE_LIKE = "0123456789abcdefABCDEF:.[]%/_-;=,\" \t\r\nHTTP/1.1 GET Host: chunked";
    private static final AddressSet TRUSTED = AddressSet.parse("10.0.0.0/8, 2001:db8::/32");

    static String host(Samples s) {
        return switch (s.between(0, 2)) {
            case 0 -> s.string(NAME_CHARS, 1, 20) + "." + s.string("abcxyz", 1, 6);
            case 1 -> s.between(0, 255) + "." + s.between(0, 255) + "." + s.between(0, 255) + "." + s.between(0, 255);
            default -> {
                byte[] bytes = new byte[16];
                for (int i = 0; i < 16; i++) {
                    bytes[i] = (byte) (s.chance(0.5) ? 0 : s.between(0, 255));
                }
                yield IpAddress.of(bytes).toUriString();
            }
        };
    }

    @Test
    void anAuthorityReadsBackFromWhatItWrites() {
        Samples.check(TRIES, s -> host(s) + (s.chance(0.5) ? ":" + s.between(1, 65535) : ""), text -> {
            Authority a = Authority.parse(text);

            assertThat(Authority.parse(a.toString())).isEqualTo(a);
        });
    }

    @Test
    void anyTextIsAnAddressAnAuthorityOrANodeOrIsRefusedWith400() {
        Samples.check(TRIES, s -> s.chance(0.5) ? s.anyText(60) : s.string(WIRE_LIKE, 0, 60), text -> {
            WireFuzzing.parsedOrNull(text, IpAddress::parse);
            WireFuzzing.parsedOrNull(text, AddressBlock::parse);
            WireFuzzing.parsedOrNull(text, Authority::parse);
            WireFuzzing.parsedOrNull(text, ForwardedNode::parse);
            WireFuzzing.parsedOrNull(text, HttpVersion::parse);
            WireFuzzing.parsedOrNull(List.of(text), ContentLength::parse);
        });
    }

    @Test
    @DisplayName("TLS-09 any forwarding fields from a trusted proxy resolve or fail with 400, and never from anyone else")
    void anyForwardingFieldsResolveOrFailWith400() {
        ForwardedClientResolver resolver = new ForwardedClientResolver(TRUSTED, ForwardedFields.EITHER);
        Samples.check(TRIES, s -> List.of(s.oneOf(List.of("10.0.0.1", "203.0.113.9", "[2001:db8::1]")),
                s.string(WIRE_LIKE + "for=proto=host=unknown_", 0, 60), s.string(WIRE_LIKE, 0, 40)), sample -> {
                    TestHead head = TestHead.of("HTTP/1.1").field("Forwarded", sample.get(1))
                            .field("X-Forwarded-For", sample.get(2));
                    try {
                        assertThat(resolver.resolve(head, sample.get(0), 1).scheme()).isIn("http", "https");
                    } catch (FieldSyntaxException e) {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(sample.get(0)).isNotEqualTo("203.0.113.9");
                    }
                });
    }

    @Test
    void aChunkedBodyDecodesToItsContentHoweverItsBytesAreSplit() {
        Samples.check(TRIES, WirePropertiesTest::chunkedBody, sample -> {
            byte[] encoded = sample.get(1).getBytes(StandardCharsets.ISO_8859_1);
            int piece = 1 + encoded.length % 7;
            ChunkedDecoder decoder = new ChunkedDecoder(ChunkedLimits.DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < encoded.length; i += piece) {
                ByteBuffer part = ByteBuffer.wrap(encoded, i, Math.min(piece, encoded.length - i));
                while (part.hasRemaining()) {
                    ByteBuffer data = decoder.read(part);
                    while (data.hasRemaining()) {
                        out.write(data.get());
                    }
                }
            }
            assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(sample.get(0));
            assertThat(decoder.isComplete()).isTrue();
        });
    }

    /** [content, the content in the chunked coding with extensions and trailers]. */
    static List<String> chunkedBody(Samples s) {
        StringBuilder content = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (String chunk : s.list(0, 6, () -> s.anyText(40).replaceAll("[^\\x00-\\xff]", "?"))) {
            if (chunk.isEmpty()) {
                continue;
            }
            content.append(chunk);
            encoded.append("0".repeat(s.between(0, 3))).append(Integer.toHexString(chunk.length()));
            if (s.chance(0.3)) {
                encoded.append(" ; ext").append(s.chance(0.5) ? "=\"v a\"" : "=v");
            }
            encoded.append("\r\n").append(chunk).append("\r\n");
        }
        encoded.append("0\r\n");
        for (int i = s.between(0, 2); i > 0; i--) {
            encoded.append("Trailer-").append(i).append(": ").append(s.string(NAME_CHARS, 0, 10)).append("\r\n");
        }
        return List.of(content.toString(), encoded.append("\r\n").toString());
    }

    @Test
    void anyBytesAreAHeadOrAreRefusedTheSameWayHoweverTheyAreSplit() {
        HeadLimits limits = new HeadLimits(64, 8, 256);
        Samples.check(TRIES, s -> s.chance(0.5) ? "GET / HTTP/1.1\r\n" + s.string(WIRE_LIKE, 0, 120)
                : s.string(WIRE_LIKE, 0, 120), text -> {
                    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                    List<String> outcomes = new ArrayList<>();
                    for (int piece : new int[] {1, 3, bytes.length + 1}) {
                        outcomes.add(headOutcome(HeadReader.request(limits), bytes, piece));
                    }
                    assertThat(outcomes).containsOnly(outcomes.get(0));
                });
    }

    private static String headOutcome(HeadReader<RequestLine> reader, byte[] bytes, int piece) {
        try {
            for (int i = 0; i < bytes.length; i += piece) {
                ByteBuffer part = ByteBuffer.wrap(bytes, i, Math.min(piece, bytes.length - i));
                MessageHead<RequestLine> head = reader.read(part);
                if (head != null) {
                    return head + " +" + (bytes.length - part.position());
                }
            }
            return "incomplete";
        } catch (WireFormatException e) {
            WireFuzzing.assertRefusal(e);
            return e.status() + " " + e.reason();
        }
    }
}
