package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpVersionTest {

    static Stream<Arguments> upgradability() {
        return Stream.of(
                Arguments.of("UPG-04 HTTP/1.0 does not allow Upgrade", "HTTP/1.0", false),
                Arguments.of("UPG-01 HTTP/1.1 allows Upgrade", "HTTP/1.1", true),
                Arguments.of("WS-01 a later HTTP/1.x minor version allows Upgrade", "HTTP/1.9", true),
                Arguments.of("UPG-05 HTTP/2.0 does not allow Upgrade", "HTTP/2.0", false),
                Arguments.of("UPG-05 HTTP/3.0 does not allow Upgrade", "HTTP/3.0", false),
                Arguments.of("UPG-04 HTTP/0.9 does not allow Upgrade", "HTTP/0.9", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upgradability")
    void allowsUpgradeInHttp11AndLater1x(String label, String text, boolean allows) {
        HttpVersion version = HttpVersion.parse(text);

        assertThat(version.allowsUpgrade()).isEqualTo(allows);
        assertThat(version).hasToString(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upgradability")
    void allowsUpgradeForTheSameServletProtocolStrings(String label, String text, boolean allows) {
        assertThat(HttpVersion.allowsUpgrade(text)).isEqualTo(allows);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "http/1.1", "HTTP/1", "HTTP/2", "HTTP/1.10", "HTTP/1.1 ", "HTTP/1.x", "HTTP/1.\u0661"})
    void allowsNoUpgradeForAProtocolStringThatIsNotAVersion(String text) {
        assertThat(HttpVersion.allowsUpgrade(text)).isFalse();
    }

    @Test
    void allowsNoUpgradeWithoutAProtocolString() {
        assertThat(HttpVersion.allowsUpgrade(null)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "http/1.1", "HTTP/1", "HTTP/2", "HTTP/1.10", "HTTP/1.1 ", " HTTP/1.1", "HTTP/11",
        "HTTP-1.1", "HTTP/a.1", "HTTP/1.\u0661", "HTTPS/1.1"})
    void refusesAnythingButHttpDigitDotDigitWith400(String text) {
        assertThatThrownBy(() -> HttpVersion.parse(text))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).startsWith("Invalid HTTP version: expected HTTP/DIGIT.DIGIT but was \"");
                });
    }

    @Test
    void sharesTheCommonVersionsAndComparesMinorVersions() {
        assertThat(HttpVersion.parse("HTTP/1.1")).isSameAs(HttpVersion.HTTP_1_1);
        assertThat(HttpVersion.parse("HTTP/1.2").isAtLeast(HttpVersion.HTTP_1_1)).isTrue();
        assertThat(HttpVersion.HTTP_1_0.isAtLeast(HttpVersion.HTTP_1_1)).isFalse();
        assertThat(HttpVersion.HTTP_2_0.isAtLeast(HttpVersion.HTTP_1_1)).isFalse();
        assertThat(HttpVersion.of(1, 1).major()).isEqualTo(1);
    }

    @Test
    void ofRefusesNumbersThatAreNotOneDigit() {
        assertThatThrownBy(() -> HttpVersion.of(1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
