package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpAddressTest {

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("IPv4", "192.0.2.1", "192.0.2.1"),
                Arguments.of("IPv4 zero and 255", "0.0.0.255", "0.0.0.255"),
                Arguments.of("IPv6 in full", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
                Arguments.of("IPv6 as a container writes it", "0:0:0:0:0:0:0:1", "::1"),
                Arguments.of("IPv6 in brackets, as Jetty reports a peer", "[::1]", "::1"),
                Arguments.of("all zeros", "::", "::"),
                Arguments.of("the longest zero run is compressed", "1:0:0:2:0:0:0:3", "1:0:0:2::3"),
                Arguments.of("the first of two equal zero runs is compressed", "1:0:0:2:3:0:0:4", "1::2:3:0:0:4"),
                Arguments.of("one zero group is not compressed", "1:2:3:4:5:6:0:8", "1:2:3:4:5:6:0:8"),
                Arguments.of("\"::\" standing for one group", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
                Arguments.of("IPv4-mapped", "::FFFF:192.0.2.1", "::ffff:192.0.2.1"),
                Arguments.of("IPv4-mapped written in hex", "::ffff:c000:201", "::ffff:192.0.2.1"),
                Arguments.of("an IPv4 tail outside the mapped block", "64:ff9b::192.0.2.1", "64:ff9b::c000:201"),
                Arguments.of("a zone", "fe80::1%eth0", "fe80::1%eth0"),
                Arguments.of("a numeric zone in brackets", "[fe80:0:0:0:0:0:0:1%2]", "fe80::1%2"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("literals")
    void parsesALiteralAndWritesItsCanonicalForm(String label, String text, String canonical) {
        IpAddress address = IpAddress.parse(text);

        assertThat(address).hasToString(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(address);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "expected an IPv4 or IPv6 address but was empty"),
                Arguments.of("example.com", "expected a digit or '.' in an IPv4 address but was \"example.com\""),
                Arguments.of("192.0.2", "expected four decimal numbers separated by '.' but was \"192.0.2\""),
                Arguments.of("192.0.2.1.5", "expected four decimal numbers separated by '.' but was \"192.0.2.1.5\""),
                Arguments.of("192.0.2.256", "expected IPv4 numbers from 0 to 255 but was \"192.0.2.256\""),
                Arguments.of("010.0.0.1", "expected no leading zero in an IPv4 number but was \"010.0.0.1\""),
                Arguments.of("192.0.2.1:80", "expected a digit or '.' in an IPv4 address but was \"192.0.2.1:80\""),
                Arguments.of(" 192.0.2.1", "expected a digit or '.' in an IPv4 address but was \" 192.0.2.1\""),
                Arguments.of("[192.0.2.1]", "expected an IPv6 address inside brackets but was \"[192.0.2.1]\""),
                Arguments.of("[::1", "expected ']' to close '[' but was \"[::1\""),
                Arguments.of("1::2::3", "expected \"::\" at most once but was \"1::2::3\""),
                Arguments.of(":::", "expected 1 to 4 hex digits in each group but was \":::\""),
                Arguments.of(":1", "expected 1 to 4 hex digits in each group but was \":1\""),
                Arguments.of("1:", "expected a group after the last ':' but was \"1:\""),
                Arguments.of("12345::", "expected 1 to 4 hex digits in each group but was \"12345::\""),
                Arguments.of("1:2:3:4:5:6:7", "expected 8 groups, or \"::\" for the missing ones but was \"1:2:3:4:5:6:7\""),
                Arguments.of("1:2:3:4:5:6:7:8:9", "expected at most 8 groups but was \"1:2:3:4:5:6:7:8:9\""),
                Arguments.of("::1:2:3:4:5:6:7:8",
                        "expected \"::\" to stand for at least one group but was \"::1:2:3:4:5:6:7:8\""),
                Arguments.of("1:2:3:4:5:6:7:1.2.3.4",
                        "expected an IPv4 tail only in the last two groups but was \"1:2:3:4:5:6:7:1.2.3.4\""),
                Arguments.of("::1.2.3.4:5", "expected a digit or '.' in an IPv4 address but was \"::1.2.3.4:5\""),
                Arguments.of("g::1", "expected 1 to 4 hex digits in each group but was \"g::1\""),
                Arguments.of("fe80::1%", "expected a zone of 1 to 64 characters after '%' but was \"fe80::1%\""),
                Arguments.of("fe80::1%eth 0",
                        "expected letters, digits, '-', '.', '_' or '~' in the zone but was \"fe80::1%eth 0\""),
                Arguments.of("192.0.2.1%eth0", "expected a digit or '.' in an IPv4 address but was \"192.0.2.1%eth0\""),
                Arguments.of("\uff11.0.0.1", "expected a digit or '.' in an IPv4 address but was \"\\uFF11.0.0.1\""));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalid")
    void refusesWhatIsNotALiteralWith400(String text, String problem) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Invalid IP address: " + problem);
                });
    }

    @Test
    void aMappedAddressIsNotTheSameValueAsTheIpv4AddressItMaps() {
        IpAddress mapped = IpAddress.parse("::ffff:192.0.2.1");

        assertThat(mapped.isIpv4Mapped()).isTrue();
        assertThat(mapped).isNotEqualTo(IpAddress.parse("192.0.2.1"));
    }

    @Test
    void addressesThatDifferOnlyInTheirZoneAreDifferent() {
        assertThat(IpAddress.parse("fe80::1%eth0")).isNotEqualTo(IpAddress.parse("fe80::1%eth1"))
                .isNotEqualTo(IpAddress.parse("fe80::1"));
        assertThat(IpAddress.parse("fe80::1%eth0").withoutZone()).isEqualTo(IpAddress.parse("fe80::1"));
    }

    @Test
    void writesIpv6InBracketsWithoutItsZoneForAUri() {
        assertThat(IpAddress.parse("fe80::1%eth0").toUriString()).isEqualTo("[fe80::1]");
        assertThat(IpAddress.parse("192.0.2.1").toUriString()).isEqualTo("192.0.2.1");
    }

    @Test
    void ofRefusesALengthOtherThan4Or16() {
        assertThatThrownBy(() -> IpAddress.of(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 4 or 16 bytes but was 5");
    }

    /** The JDK's own parser, on literals only (no look-up happens for them), as an independent reader. */
    @Test
    void agreesWithTheJdkOnRandomAddressesInEveryTextForm() throws Exception {
        Random random = new Random(7239);
        for (int n = 0; n < 2000; n++) {
            byte[] bytes = new byte[n % 3 == 0 ? 4 : 16];
            random.nextBytes(bytes);
            if (n % 5 == 0 && bytes.length == 16) {
                java.util.Arrays.fill(bytes, 2 + random.nextInt(6), 10 + random.nextInt(6), (byte) 0);
            }
            InetAddress jdk = InetAddress.getByAddress(bytes);
            IpAddress ours = IpAddress.of(bytes);
            String text = ours.toString();

            assertThat(IpAddress.parse(text)).as(text).isEqualTo(ours);
            assertThat(IpAddress.parse(jdk.getHostAddress()).bytes()).as(jdk.getHostAddress())
                    .isEqualTo(jdk.getAddress());
            assertThat(InetAddress.getByName(ours.isIpv6() ? "[" + text + "]" : text).getAddress())
                    .as(text).isEqualTo(jdk.getAddress());
        }
    }
}
