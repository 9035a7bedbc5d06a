package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;

/**
 * Fuzz target for the RFC 2817 bridge's request relay: the decrypted bytes of a client, read as
 * a sequence of requests, checked and written again for the container. Without
 * {@code JAZZER_FUZZ} it runs once per file of
 * {@code src/test/resources/dev/switchboard/tls/internal/RequestRelayFuzzTestInputs/requestRelay/}
 * in every build; docs/fuzzing.md tells how to fuzz for real.
 *
 * <p>The contract: the relay passes bytes on or refuses with a 4xx (or the 501 and 505 that
 * RFC 9112 prescribes for an unknown transfer coding and version) and a printable, bounded
 * reason, never anything else; it gives the same bytes and the same refusal whole and in pieces;
 * and what it passes on is its own fixed point, so the container cannot read the stream
 * differently from the way it was checked.
 */
class RequestRelayFuzzTest {

    private static final String HOST = "example.com:8080";
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final int MAX_HEAD = 512;

    /** The application is at /app; /app/nested is another one that the container maps separately. */
    private static final BridgeRules RULES = new BridgeRules("/app", HOST,
            path -> !path.startsWith("/app/nested"), IdentityFields.with(List.of("X-Custom-Client-IP")));

    private static final Set<Integer> STATUSES = Set.of(400, 404, 413, 421, 431, 501, 505);

    private record Outcome(String forwarded, String refusal, int requests) {
    }

    @FuzzTest
    void requestRelay(byte[] input) {
        Outcome whole = relay(input, Integer.MAX_VALUE, MAX_HEAD);
        Outcome pieces = relay(input, piece(input), MAX_HEAD);
        assertThat(pieces).isEqualTo(whole);
        // Each line may gain a CR, a space after its colon; each head a Host line and the token line.
        assertThat(whole.forwarded().length()).isLessThanOrEqualTo(3 * input.length + 128 * whole.requests());

        byte[] forwarded = whole.forwarded().getBytes(StandardCharsets.ISO_8859_1);
        Outcome again = relay(forwarded, Integer.MAX_VALUE, 2 * MAX_HEAD + 128);
        assertThat(again).isEqualTo(new Outcome(whole.forwarded(), null, whole.requests()));
    }

    private static Outcome relay(byte[] input, int piece, int maxHead) {
        RequestRelay relay = new RequestRelay(RULES, TOKEN, maxHead);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpStatusException refusal = null;
        for (int i = 0; i < input.length && refusal == null; i += piece) {
            ByteBuffer part = ByteBuffer.wrap(input, i, Math.min(piece, input.length - i));
            refusal = relay.feed(part, data -> {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                out.writeBytes(b);
            });
            if (refusal == null) {
                assertThat(part.hasRemaining()).isFalse();
            }
        }
        if (refusal != null) {
            assertThat(STATUSES).contains(refusal.status());
            assertThat(refusal.reason()).hasSizeLessThanOrEqualTo(2 * OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
        }
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1),
                refusal == null ? null : refusal.status() + " " + refusal.reason(), relay.requests());
    }

    /**
     * A piece size from 1 to 16, from the last byte, so the fuzzer explores the splits too (the
     * first byte of a valid message is nearly always the same letter).
     */
    private static int piece(byte[] input) {
        return input.length == 0 ? 1 : 1 + (input[input.length - 1] & 0x0f);
    }
}
