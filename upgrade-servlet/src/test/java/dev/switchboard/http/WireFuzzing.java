package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The contract every wire parser is fuzzed against: it returns a value, or throws its typed
 * exception with a 4xx and a printable, bounded reason; nothing else. Shared by the fuzz targets.
 */
final class WireFuzzing {

    /** The statuses a wire parser may give: syntax, content too large, request line too long, fields too large. */
    static final Set<Integer> STATUSES = Set.of(400, 413, 414, 431);

    private WireFuzzing() {
    }

    /** The value {@code parser} reads from {@code input}, or null when it refuses it as the contract says. */
    static <I, T> T parsedOrNull(I input, Function<I, T> parser) {
        try {
            T value = parser.apply(input);
            assertThat(value).isNotNull();
            return value;
        } catch (HttpStatusException e) {
            assertThat(e).isInstanceOfAny(WireFormatException.class, FieldSyntaxException.class);
            assertRefusal(e);
            return null;
        }
    }

    static void assertRefusal(HttpStatusException e) {
        assertThat(STATUSES).contains(e.status());
        assertThat(e.reason()).hasSizeLessThanOrEqualTo(2 * OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
    }

    static String text(byte[] input) {
        return new String(input, StandardCharsets.ISO_8859_1);
    }

    /** Lines split at line feeds; a carriage return stays part of its line, as a peer could send it. */
    static List<String> lines(byte[] input) {
        return Arrays.asList(text(input).split("\n", -1));
    }
}
