package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorityTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("example.com", "example.com", -1),
                Arguments.of("Example.COM:8443", "example.com", 8443),
                Arguments.of("192.0.2.1:80", "192.0.2.1", 80),
                Arguments.of("[2001:DB8:0::1]:443", "[2001:db8::1]", 443),
                Arguments.of("[::1]", "[::1]", -1),
                Arguments.of("localhost:00080", "localhost", 80),
                Arguments.of("my_host.internal", "my_host.internal", -1),
                Arguments.of("example.com.", "example.com.", -1),
                Arguments.of("a.b-c.d:65535", "a.b-c.d", 65535),
                Arguments.of("999.example", "999.example", -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void readsTheHostAndPort(String text, String host, int port) {
        Authority a = Authority.parse(text);

        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port()).isEqualTo(port);
        assertThat(Authority.parse(a.toString())).isEqualTo(a);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "expected host [\":\" port] but was empty"),
                Arguments.of("an empty port", "example.com:", "expected a port from 1 to 65535 after ':' but was \"example.com:\""),
                Arguments.of("port 0", "example.com:0", "expected a port from 1 to 65535 after ':' but was \"example.com:0\""),
                Arguments.of("a port past 65535", "example.com:65536",
                        "expected a port from 1 to 65535 after ':' but was \"example.com:65536\""),
                Arguments.of("a signed port", "example.com:+80", "expected a port from 1 to 65535 after ':' but was \"example.com:+80\""),
                Arguments.of("six digits", "example.com:000080",
                        "expected a port from 1 to 65535 after ':' but was \"example.com:000080\""),
                Arguments.of("two ports", "example.com:80:80",
                        "expected a port from 1 to 65535 after ':' but was \"example.com:80:80\""),
                Arguments.of("no host", ":80", "expected a host before ':' but was \":80\""),
                Arguments.of("user information", "user@example.com",
                        "expected letters, digits and -._~!$&'()*+,;= in the host, not user information but was \"user@example.com\""),
                Arguments.of("percent-encoding", "ex%61mple.com",
                        "expected letters, digits and -._~!$&'()*+,;= in the host, not percent-encoding but was \"ex%61mple.com\""),
                Arguments.of("a path", "example.com/x",
                        "expected letters, digits and -._~!$&'()*+,;= in the host, not '/' but was \"example.com/x\""),
                Arguments.of("a space", "example.com :80",
                        "expected letters, digits and -._~!$&'()*+,;= in the host, not ' ' but was \"example.com :80\""),
                Arguments.of("an unbracketed IPv6 address", "::1",
                        "expected a host before ':' but was \"::1\""),
                Arguments.of("an unclosed bracket", "[::1", "expected ']' after an IPv6 address but was \"[::1\""),
                Arguments.of("IPv4 in brackets", "[192.0.2.1]", "expected an IPv6 address in brackets but was \"[192.0.2.1]\""),
                Arguments.of("a zone", "[fe80::1%25eth0]",
                        "expected an IPv6 address without zone in brackets but was \"[fe80::1%25eth0]\""),
                Arguments.of("IPvFuture", "[v1.fe80::1]",
                        "expected an IPv6 address without zone in brackets but was \"[v1.fe80::1]\""),
                Arguments.of("text after the bracket", "[::1]x", "expected ':' or the end after the host but was \"[::1]x\""),
                Arguments.of("a short IPv4 form", "127.1",
                        "expected a dotted-quad IPv4 address for a host that ends in a number but was \"127.1\""),
                Arguments.of("an octal IPv4 form", "0177.0.0.1",
                        "expected a dotted-quad IPv4 address for a host that ends in a number but was \"0177.0.0.1\""),
                Arguments.of("a name ending in a number", "example.123",
                        "expected a dotted-quad IPv4 address for a host that ends in a number but was \"example.123\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesAMalformedAuthorityWith400(String label, String text, String problem) {
        assertThatThrownBy(() -> Authority.parse(text))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Invalid authority: " + problem);
                });
    }

    @Test
    void knowsTheAddressOfAnIpHostOnly() {
        assertThat(Authority.parse("[::1]:8080").address()).contains(IpAddress.parse("::1"));
        assertThat(Authority.parse("192.0.2.1").address()).contains(IpAddress.parse("192.0.2.1"));
        assertThat(Authority.parse("example.com").address()).isEmpty();
    }

    @Test
    @DisplayName("PRX-06 a CONNECT target needs a port, and equal targets compare equal in any spelling")
    void aConnectTargetNeedsAPort() {
        assertThat(Authority.parseWithPort("[0:0::1]:8443")).isEqualTo(Authority.parseWithPort("[::1]:8443"));
        assertThat(Authority.parseWithPort("DB.internal:5432")).hasToString("db.internal:5432");
        assertThatThrownBy(() -> Authority.parseWithPort("db.internal"))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("Invalid authority: expected host \":\" port but was \"db.internal\"");
    }

    @Test
    void aMissingPortIsNotTheDefaultPortButPortOrSuppliesIt() {
        assertThat(Authority.parse("example.com")).isNotEqualTo(Authority.parse("example.com:80"));
        assertThat(Authority.parse("example.com").portOr(80)).isEqualTo(Authority.parse("example.com:80").portOr(443));
    }

    @Test
    void ofBuildsAnAuthorityFromAHostAndAPort() {
        assertThat(Authority.of("[::1]", 8080)).hasToString("[::1]:8080");
        assertThat(Authority.of("Example.com", -1)).hasToString("example.com");
        assertThatThrownBy(() -> Authority.of("example.com", 0)).isInstanceOf(WireFormatException.class);
        assertThat(Authority.of(IpAddress.parse("fe80::1%eth0"), 443)).isEqualTo(Authority.parse("[fe80::1]:443"));
        assertThatThrownBy(() -> Authority.of("example.com:80", 80)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void parsePortReadsAPortAlone() {
        assertThat(Authority.parsePort("8443")).isEqualTo(8443);
        assertThatThrownBy(() -> Authority.parsePort("0x50"))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("Invalid authority: expected a port from 1 to 65535 but was \"0x50\"");
    }
}
