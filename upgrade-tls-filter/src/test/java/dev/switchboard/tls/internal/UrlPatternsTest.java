package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPatternsTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/secure/*, /secure/page, true",
            "/secure/*, /secure, true",
            "/secure/*, /secure/, true",
            "/secure/*, /secured, false",
            "/secure/*, /other/secure/x, false",
            "/login, /login, true",
            "/login, /login/, false",
            "*.jsp, /a/b.jsp, true",
            "*.jsp, /a.jsp/b, false",
            "/, /anything/at/all, true",
            "/*, /anything, true",
            "'', /, true",
            "'', /x, false"
    })
    void matchesAsServletPatternsDo(String pattern, String path, boolean expected) {
        assertThat(UrlPatterns.of(List.of(pattern)).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secure/*", "/a/*/b", "*.", "/a*", "**.jsp"})
    void aPatternThatIsNoServletFormIsRefused(String pattern) {
        assertThatThrownBy(() -> UrlPatterns.of(List.of(pattern)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/x"})
    void noPatternsMatchNothing(String path) {
        assertThat(UrlPatterns.none().matches(path)).isFalse();
    }
}
