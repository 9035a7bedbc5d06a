package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.Origin;

/**
 * Fuzz targets for the WebSocket opening handshake (RFC 6455 section 4.2.1) and the fields it
 * reads: {@code Origin}, {@code Sec-WebSocket-Protocol}, {@code Sec-WebSocket-Extensions}.
 * Without {@code JAZZER_FUZZ} each runs once per file of
 * {@code src/test/resources/dev/switchboard/websocket/handshake/HandshakeFuzzTestInputs/<method>/}
 * in every build; docs/fuzzing.md tells how to fuzz for real. Inputs are ISO-8859-1 text.
 *
 * <p>The contract: a value that writes back to itself, or the typed exception with a 4xx and a
 * printable, bounded reason; nothing else.
 */
class HandshakeFuzzTest {

    private static final HandshakeLimits LIMITS = new HandshakeLimits(256, 8);
    private static final Set<Integer> STATUSES = Set.of(400, 426, 431);

    /** First line {@code METHOD HTTP/x.y} (or empty for GET HTTP/1.1), then {@code Name: value} lines. */
    @FuzzTest
    void handshake(byte[] input) {
        List<String> lines = lines(input);
        TestHead head = new TestHead();
        String[] requestLine = lines.get(0).split(" ", 2);
        if (requestLine.length == 2) {
            head.method(requestLine[0]).protocol(requestLine[1]);
        }
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                head.field(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        try {
            Handshake handshake = Handshake.read(head, LIMITS);
            assertThat(handshake.subprotocols().offered()).hasSizeLessThanOrEqualTo(LIMITS.maxOffers());
            assertThat(handshake.extensions().list()).hasSizeLessThanOrEqualTo(LIMITS.maxOffers());
        } catch (HandshakeException e) {
            assertRefusal(e);
        }
    }

    @FuzzTest
    void origin(byte[] input) {
        try {
            Origin origin = Origin.parse(text(input));
            assertThat(Origin.parse(origin.serialize())).isEqualTo(origin);
            assertThat(origin.serialize()).matches("[\\x21-\\x7e]+");
        } catch (FieldSyntaxException e) {
            assertRefusal(e);
        }
    }

    @FuzzTest
    void subprotocols(byte[] input) {
        try {
            Subprotocols offered = Subprotocols.parse(lines(input));
            assertThat(Subprotocols.parse(offered.toHeaderValue())).isEqualTo(offered);
        } catch (FieldSyntaxException e) {
            assertRefusal(e);
        }
    }

    @FuzzTest
    void extensions(byte[] input) {
        try {
            WebSocketExtensions offered = WebSocketExtensions.parse(lines(input));
            assertThat(WebSocketExtensions.parse(offered.toHeaderValue())).isEqualTo(offered);
        } catch (FieldSyntaxException e) {
            assertRefusal(e);
        }
    }

    private static void assertRefusal(HttpStatusException e) {
        assertThat(STATUSES).contains(e.status());
        assertThat(e.reason()).hasSizeLessThanOrEqualTo(2 * OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.ISO_8859_1);
    }

    /** Lines split at line feeds; a carriage return stays part of its line, as a peer could send it. */
    private static List<String> lines(byte[] input) {
        return Arrays.asList(text(input).split("\n", -1));
    }
}
