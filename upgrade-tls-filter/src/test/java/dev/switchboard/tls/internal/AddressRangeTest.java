package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.0.2.7, 192.0.2.7, true",
            "192.0.2.7, 192.0.2.8, false",
            "192.0.2.0/25, 192.0.2.127, true",
            "192.0.2.0/25, 192.0.2.128, false",
            "0.0.0.0/0, 203.0.113.9, true",
            "2001:db8::/32, 2001:db8:1::5, true",
            "2001:db8::/32, 2001:db9::5, false",
            "::1, 0:0:0:0:0:0:0:1, true",
            "::1, [::1], true",
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
            "10.0.0.0/8, 2001:db8::1, false"
    })
    void containsAddressesInTheBlock(String range, String address, boolean expected) {
        assertThat(AddressSet.parse(List.of(range)).contains(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.256", "10.0.0", "010.0.0.1", "10.0.0.0/33", "::1/129", "10.0.0.0/", "1.2.3.4/x"})
    void whatIsNotAnAddressOrBlockIsRefused(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void aHostNameIsNeverLookedUpAndNeverMatches() {
        assertThat(AddressSet.parse(List.of("127.0.0.0/8")).contains("localhost")).isFalse();
        assertThat(IpAddresses.parse("example.com")).isNull();
    }
}
