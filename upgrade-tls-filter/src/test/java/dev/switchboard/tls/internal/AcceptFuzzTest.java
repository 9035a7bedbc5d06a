package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.OneLine;

/**
 * Fuzz target for the {@code Accept} field that chooses the format of the 426 page. Without
 * {@code JAZZER_FUZZ} it runs once per file of
 * {@code src/test/resources/dev/switchboard/tls/internal/AcceptFuzzTestInputs/acceptField/} in
 * every build; docs/fuzzing.md tells how to fuzz for real. Input: ISO-8859-1, one field line per
 * line, a carriage return kept as part of its line.
 *
 * <p>The contract: media ranges with lower-case names and a quality from 0 to 1, or a 400 with
 * a printable, bounded reason; and a format is chosen whatever the field holds.
 */
class AcceptFuzzTest {

    @FuzzTest
    void acceptField(byte[] input) {
        List<String> lines = Arrays.asList(new String(input, StandardCharsets.ISO_8859_1).split("\n", -1));
        assertThat(ResponseFormat.choose(lines)).isNotNull();
        try {
            for (MediaRange range : MediaRange.parseAccept(lines)) {
                assertThat(range.quality()).isBetween(0.0, 1.0);
                assertThat(range.type() + "/" + range.subtype()).matches("[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+");
            }
        } catch (FieldSyntaxException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.reason()).hasSizeLessThanOrEqualTo(2 * OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
        }
    }
}
