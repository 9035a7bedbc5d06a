package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.http.FieldLine;
import dev.switchboard.http.FieldReader;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.StatusLine;

/**
 * Fuzz target for what the tunnel reads from a backend before the switch: the response head
 * (interim responses, the 101 or the final answer) and, for an answer that does not switch, its
 * framing and body as relayed to the client, the chunked coding decoded (the decoder itself is
 * fuzzed with the wire model, {@code MessageFuzzTest}). Without
 * {@code JAZZER_FUZZ} it runs once per file of
 * {@code src/test/resources/dev/switchboard/proxy/internal/TunnelResponseFuzzTestInputs/backendAnswer/}
 * in every build; docs/fuzzing.md tells how to fuzz for real.
 *
 * <p>The contract: a head is read and checked, or refused with a 502 and a printable, bounded
 * reason; a body is relayed, or cut short with an {@link IOException}; nothing else is thrown;
 * and the backend's bytes give the same answer whole and in pieces (of a size taken from the
 * last byte). A cut answer may have passed on more of its content in pieces than whole, never
 * other content.
 */
class TunnelResponseFuzzTest {

    private static final int MAX_HEAD = 512;

    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private record Answer(String outcome, byte[] body, boolean cut) {
    }

    /** The backend's answer as the tunnel reads it; bit 4 of the last byte makes the request a HEAD. */
    @FuzzTest
    void backendAnswer(byte[] input) {
        boolean headRequest = input.length > 0 && (input[input.length - 1] & 0x10) != 0;
        Answer whole = answer(input, Integer.MAX_VALUE, headRequest);
        Answer pieces = answer(input, piece(input), headRequest);
        assertThat(pieces.outcome()).isEqualTo(whole.outcome());
        assertSameContent(whole.body(), whole.cut(), pieces.body(), pieces.cut());
    }

    private static Answer answer(byte[] input, int piece, boolean headRequest) {
        RecordingResponse client = new RecordingResponse();
        Deadline deadline = Deadline.start(Duration.ofHours(1), SCHEDULER, () -> { });
        BytesTransport transport = new BytesTransport(input, piece);
        try (BackendConnection backend = new BackendConnection("backend:80", transport, deadline, MAX_HEAD)) {
            MessageHead<StatusLine> head = backend.readHead();
            assertChecked(head);
            if (head.startLine().status() == 101) {
                // the tunnel relays what came with the head, then the rest of the stream
                ByteArrayOutputStream after = new ByteArrayOutputStream();
                after.writeBytes(backend.afterHead());
                after.writeBytes(rest(transport));
                return new Answer("switch " + head, after.toByteArray(), false);
            }
            try {
                ResponseRelay.relay(head, backend, headRequest ? "HEAD" : "GET", client.response());
                return new Answer(head + " relayed " + client, client.body(), false);
            } catch (ResponseCut e) {
                String suffix = "; the relayed response is cut short";
                assertThat(e.getMessage()).endsWith(suffix);
                return new Answer(head + " failed " + e.getMessage().substring(0,
                        e.getMessage().length() - suffix.length()), client.body(), true);
            } catch (HttpStatusException e) {
                assertRefusal(e);
                return new Answer(head + " failed " + e.reason(), new byte[0], true);
            }
        } catch (HttpStatusException e) {
            assertRefusal(e);
            return new Answer("refused " + e.reason(), new byte[0], false);
        } catch (IOException e) {
            throw new AssertionError("only a cut may end the relay with an IOException", e);
        }
    }

    private static byte[] rest(BytesTransport backend) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        for (int n; (n = backend.readBlocking(buffer, 0, buffer.length)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A final head as the parser promises it: a status in range, token names, values of field text. */
    private static void assertChecked(MessageHead<StatusLine> head) {
        assertThat(head.startLine().status()).isBetween(100, 599);
        assertThat(head.startLine().isInterim()).isFalse();
        assertThat(head.startLine().version().major()).isEqualTo(1);
        assertThat(head.startLine().reason()).matches("[^\\x00-\\x08\\x0a-\\x1f\\x7f]*");
        for (FieldLine f : head.fields()) {
            assertThat(FieldReader.isToken(f.name())).isTrue();
            assertThat(f.value()).matches("([^\\x00-\\x20\\x7f]([^\\x00-\\x08\\x0a-\\x1f\\x7f]*[^\\x00-\\x20\\x7f])?)?");
        }
    }

    private static void assertRefusal(HttpStatusException e) {
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.reason()).hasSizeLessThanOrEqualTo(2 * OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
    }

    /** The same content; when cut short, one may have passed on more before the cut than the other. */
    private static void assertSameContent(byte[] whole, boolean wholeCut, byte[] pieces, boolean piecesCut) {
        if (!wholeCut && !piecesCut) {
            assertThat(pieces).isEqualTo(whole);
            return;
        }
        byte[] shorter = whole.length <= pieces.length ? whole : pieces;
        byte[] longer = whole.length <= pieces.length ? pieces : whole;
        assertThat(Arrays.copyOf(longer, shorter.length)).isEqualTo(shorter);
    }

    /**
     * A piece size from 1 to 16, from the last byte, so the fuzzer explores the splits too (the
     * first byte of a valid message is nearly always the same letter).
     */
    private static int piece(byte[] input) {
        return input.length == 0 ? 1 : 1 + (input[input.length - 1] & 0x0f);
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fuzz-deadline");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
