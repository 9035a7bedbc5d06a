package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void leavesPrintableAsciiUnchanged() {
        String printable = " !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~";

        assertThat(OneLine.of(printable)).isEqualTo(printable);
    }

    @Test
    void escapesLineBreaksSoAReasonCannotSplitAResponse() {
        assertThat(OneLine.of("a\r\nSet-Cookie: x")).isEqualTo("a\\x0D\\x0ASet-Cookie: x");
    }

    @Test
    void escapesControlCharactersAndDel() {
        assertThat(OneLine.of("\u0000\t\u001f\u007f")).isEqualTo("\\x00\\x09\\x1F\\x7F");
    }

    @Test
    void escapesLatin1CharactersAsTheirByte() {
        assertThat(OneLine.of("caf\u00e9")).isEqualTo("caf\\xE9");
    }

    @Test
    void turnsNullIntoAnEmptyReason() {
        assertThat(OneLine.of(null)).isEmpty();
    }

    @Test
    void keepsATextOfExactlyTheMaximumLength() {
        String text = "a".repeat(OneLine.MAX_LENGTH);

        assertThat(OneLine.of(text)).isEqualTo(text);
    }

    @Test
    void cutsALongerTextAndEndsItInAnEllipsis() {
        String cut = OneLine.of("a".repeat(OneLine.MAX_LENGTH + 1));

        assertThat(cut).hasSize(OneLine.MAX_LENGTH).endsWith("...").startsWith("aaa");
    }

    @Test
    void aCutTextIsNeverLongerThanTheMaximumEvenWhenAnEscapeIsLast() {
        String cut = OneLine.of("a".repeat(OneLine.MAX_LENGTH - 1) + "\u0001");

        assertThat(cut).hasSize(OneLine.MAX_LENGTH).endsWith("...");
    }

    @Test
    void aTextThatEscapesMakeTooLongIsCutWithAnEllipsis() {
        String cut = OneLine.of("\u0001".repeat(60));

        assertThat(cut).hasSizeLessThanOrEqualTo(OneLine.MAX_LENGTH).endsWith("...").startsWith("\\x01\\x01");
    }

    @Test
    void anEscapeIsNeverSplitByTheCut() {
        String cut = OneLine.of("ab" + "\u0001".repeat(60));

        assertThat(cut.substring(0, cut.length() - 3)).matches("ab(\\\\x01)*");
    }

    @Test
    void escapesCharactersAboveLatin1ByTheirCodePoint() {
        assertThat(OneLine.of("\u0141\u2028")).isEqualTo("\\u0141\\u2028");
    }
}
