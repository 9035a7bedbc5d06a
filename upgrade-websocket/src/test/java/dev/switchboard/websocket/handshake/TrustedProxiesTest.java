package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "10.1.2.3,      true",
        "11.1.2.3,      false",
        "192.168.1.7,   true",
        "192.168.1.8,   false",
        "fd12::1,       true",
        "fe80::1,       false",
        "0:0:0:0:0:0:0:1, true",
        "localhost,     false",
        "999.1.1.1,     false",
    })
    void trusts(String address, boolean expected) {
        assertThat(proxies.trusts(address)).isEqualTo(expected);
    }

    @Test
    void nobodyIsTrustedByDefault() {
        assertThat(TrustedProxies.none().trusts("127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0/8", "10.0.0.0/x", "01.2.3.4"})
    void namesAndMalformedRangesAreRejected(String entry) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }
}
