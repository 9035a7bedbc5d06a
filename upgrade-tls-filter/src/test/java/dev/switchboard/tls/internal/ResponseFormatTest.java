package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseFormatTest {

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML
            application/json                                              | JSON
            application/json;q=0.5, text/plain;q=0.6                      | TEXT
            */*                                                           | TEXT
            text/*                                                        | TEXT
            text/*;q=0.5, text/html                                       | HTML
            image/png                                                     | TEXT
            text/html;q=0                                                 | TEXT
            application/*;q=0.9, text/plain;q=0.1                         | JSON
            text/html;level=1;q=0.7, application/json;q=0.3               | HTML
            """)
    void theBestAcceptedFormatWins(String accept, ResponseFormat expected) {
        assertThat(ResponseFormat.choose(List.of(accept))).isEqualTo(expected);
    }

    @Test
    void noAcceptGivesPlainText() {
        assertThat(ResponseFormat.choose(List.of())).isEqualTo(ResponseFormat.TEXT);
    }

    @Test
    void aMalformedAcceptGivesPlainTextRatherThanAnError() {
        assertThat(ResponseFormat.choose(List.of("text/html;q=2"))).isEqualTo(ResponseFormat.TEXT);
        assertThat(ResponseFormat.choose(List.of("html"))).isEqualTo(ResponseFormat.TEXT);
    }

    @Test
    void severalAcceptLinesAreReadTogether() {
        assertThat(ResponseFormat.choose(List.of("text/plain;q=0.1", "application/json"))).isEqualTo(ResponseFormat.JSON);
    }
}
