package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardedNodeTest {

    static Stream<Arguments> nodes() {
        return Stream.of(
                Arguments.of("192.0.2.43", "192.0.2.43", -1, "192.0.2.43"),
                Arguments.of("192.0.2.43:47011", "192.0.2.43", 47011, "192.0.2.43:47011"),
                Arguments.of("[2001:db8:cafe::17]", "2001:db8:cafe::17", -1, "[2001:db8:cafe::17]"),
                Arguments.of("[2001:db8:cafe::17]:4711", "2001:db8:cafe::17", 4711, "[2001:db8:cafe::17]:4711"),
                Arguments.of("2001:db8::1", "2001:db8::1", -1, "[2001:db8::1]"),
                Arguments.of("[fe80::1%eth0]", "fe80::1%eth0", -1, "[fe80::1]"),
                Arguments.of("192.0.2.43:_port", "192.0.2.43", -1, "192.0.2.43"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void readsTheExamplesOfRfc7239Section6(String text, String address, int port, String written) {
        ForwardedNode node = ForwardedNode.parse(text);

        assertThat(node.address()).contains(IpAddress.parse(address));
        assertThat(node.port()).isEqualTo(port);
        assertThat(node).hasToString(written);
        assertThat(node.isHidden()).isFalse();
    }

    @Test
    void readsAnUnknownOrObfuscatedClientAsHidden() {
        assertThat(ForwardedNode.parse("unknown").isHidden()).isTrue();
        assertThat(ForwardedNode.parse("UNKNOWN")).hasToString("unknown");
        assertThat(ForwardedNode.parse("_gazonk").isHidden()).isTrue();
        assertThat(ForwardedNode.parse("_SEVKISEK:_abc")).hasToString("_SEVKISEK");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "expected an address, \"unknown\" or an obfuscated name but was empty"),
                Arguments.of("example.com",
                        "expected an IP address, \"unknown\" or an obfuscated name starting with '_' but was \"example.com\""),
                Arguments.of("192.0.2.43:0",
                        "expected a port from 1 to 65535 or an obfuscated port after ':' but was \"192.0.2.43:0\""),
                Arguments.of("192.0.2.43:", "expected a port from 1 to 65535 or an obfuscated port after ':' but was \"192.0.2.43:\""),
                Arguments.of("[2001:db8::1", "expected ']' after an IPv6 address but was \"[2001:db8::1\""),
                Arguments.of("[2001:db8::1]4711", "expected ':' and a port after ']' but was \"[2001:db8::1]4711\""),
                Arguments.of("_", "expected '_' followed by letters, digits, '.', '_' or '-' but was \"_\""),
                Arguments.of("_a b", "expected '_' followed by letters, digits, '.', '_' or '-' but was \"_a b\""),
                Arguments.of(" 192.0.2.43",
                        "expected an IP address, \"unknown\" or an obfuscated name starting with '_' but was \" 192.0.2.43\""));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalid")
    void refusesWhatIsNotANodeWith400(String text, String problem) {
        assertThatThrownBy(() -> ForwardedNode.parse(text))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo("Invalid node: " + problem));
    }

    @Test
    void writesAClientWithItsPortForAForwardedField() {
        assertThat(ForwardedNode.of(IpAddress.parse("0:0:0:0:0:0:0:1"), 51000)).hasToString("[::1]:51000");
        assertThat(ForwardedNode.of(IpAddress.parse("192.0.2.1"), -1)).hasToString("192.0.2.1");
    }
}
