package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddressBlockTest {

    static Stream<Arguments> membership() {
        return Stream.of(
                Arguments.of("", "10.0.0.0/8", "10.255.0.1", true),
                Arguments.of("", "10.0.0.0/8", "11.0.0.1", false),
                Arguments.of("", "192.0.2.7", "192.0.2.7", true),
                Arguments.of("", "192.0.2.7", "192.0.2.8", false),
                Arguments.of("", "192.0.2.0/25", "192.0.2.127", true),
                Arguments.of("", "192.0.2.0/25", "192.0.2.128", false),
                Arguments.of("", "0.0.0.0/0", "203.0.113.9", true),
                Arguments.of("", "2001:db8::/32", "2001:db8:ffff::1", true),
                Arguments.of("", "2001:db8::/32", "2001:db9::1", false),
                Arguments.of("an IPv4 block holds the IPv4-mapped form", "10.0.0.0/8", "::ffff:10.1.2.3", true),
                Arguments.of("a mapped block holds the IPv4 form", "::ffff:10.0.0.0/104", "10.1.2.3", true),
                Arguments.of("a mapped block of one address", "::ffff:192.0.2.1", "192.0.2.1", true),
                Arguments.of("::/0 holds IPv4 too", "::/0", "192.0.2.1", true),
                Arguments.of("an IPv4 block holds no other IPv6", "0.0.0.0/0", "2001:db8::1", false),
                Arguments.of("a block without zone holds any zone", "fe80::/10", "fe80::1%eth0", true),
                Arguments.of("a block with zone holds its zone", "fe80::1%eth0", "fe80::1%eth0", true),
                Arguments.of("a block with zone refuses another zone", "fe80::1%eth0", "fe80::1%eth1", false),
                Arguments.of("a block with zone refuses no zone", "fe80::%eth0/64", "fe80::1", false),
                Arguments.of("a bracketed block", "[2001:db8::1]/128", "2001:db8::1", true));
    }

    @ParameterizedTest(name = "{0} {1} holds {2}: {3}")
    @MethodSource("membership")
    void holdsTheAddressesOfItsPrefix(String label, String block, String address, boolean expected) {
        assertThat(AddressBlock.parse(block).contains(IpAddress.parse(address))).isEqualTo(expected);
    }

    @Test
    void clearsTheBitsPastThePrefix() {
        AddressBlock block = AddressBlock.parse("10.1.2.3/8");

        assertThat(block).hasToString("10.0.0.0/8").isEqualTo(AddressBlock.parse("10.0.0.0/8"));
        assertThat(block.network()).isEqualTo(IpAddress.parse("10.0.0.0"));
    }

    @Test
    void writesABlockOfOneAddressAsTheAddressAndKeepsTheZone() {
        assertThat(AddressBlock.parse("192.0.2.7/32")).hasToString("192.0.2.7");
        assertThat(AddressBlock.parse("fe80::1%eth0/64")).hasToString("fe80::%eth0/64");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("10.0.0.0/33", "Invalid address block: expected a prefix length from 0 to 32 after '/' but was \"10.0.0.0/33\""),
                Arguments.of("::/129", "Invalid address block: expected a prefix length from 0 to 128 after '/' but was \"::/129\""),
                Arguments.of("10.0.0.0/", "Invalid address block: expected a prefix length from 0 to 32 after '/' but was \"10.0.0.0/\""),
                Arguments.of("10.0.0.0/+8", "Invalid address block: expected a prefix length from 0 to 32 after '/' but was \"10.0.0.0/+8\""),
                Arguments.of("10.0.0.0/0008", "Invalid address block: expected a prefix length from 0 to 32 after '/' but was \"10.0.0.0/0008\""),
                Arguments.of("10.0.0.0/8/8", "Invalid address block: expected a prefix length from 0 to 32 after '/' but was \"10.0.0.0/8/8\""),
                Arguments.of("proxy.internal", "Invalid IP address: expected a digit or '.' in an IPv4 address but was \"proxy.internal\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesWhatIsNotABlockWith400(String text, String reason) {
        assertThatThrownBy(() -> AddressBlock.parse(text))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
