package dev.switchboard.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A peer chooses its close code: the tag never has more than a few values. */
class CloseCodesTest {

    @ParameterizedTest(name = "{0} is tagged {1}")
    @CsvSource({
        "1000, 1000",
        "1001, 1001",
        "1009, 1009",
        "1015, 1015",
        "1016, other",
        "2999, other",
        "3000, 3xxx",
        "3999, 3xxx",
        "4000, 4xxx",
        "4999, 4xxx",
        "5000, other",
        "0, other",
        "-1, other"
    })
    void codesAreGrouped(int code, String tag) {
        assertThat(CloseCodes.tag(code)).isEqualTo(tag);
    }
}
