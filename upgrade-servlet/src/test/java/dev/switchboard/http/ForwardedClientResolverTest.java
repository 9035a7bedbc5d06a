package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.http.ForwardedClient.Source;

class ForwardedClientResolverTest {

    private static final String PROXY = "10.0.0.1";
    private static final AddressSet TRUSTED = AddressSet.parse("10.0.0.0/8, 2001:db8::/32");
    private static final ForwardedClientResolver EITHER = new ForwardedClientResolver(TRUSTED, ForwardedFields.EITHER);

    private static TestHead request() {
        return TestHead.of("HTTP/1.1").field("Host", "internal:8080");
    }

    /** Rows: label, peer, head, expected {@code toString()} of the resolved client. */
    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("TLS-09 an untrusted peer's Forwarded is ignored", "203.0.113.9",
                        request().field("Forwarded", "for=192.0.2.1;proto=https;host=example.com"),
                        "CONNECTION client=203.0.113.9:5000 http host=internal:8080 port=8080 hops=0"),
                Arguments.of("TLS-09 an untrusted peer's X-Forwarded-Proto is ignored", "203.0.113.9",
                        request().field("X-Forwarded-Proto", "https"),
                        "CONNECTION client=203.0.113.9:5000 http host=internal:8080 port=8080 hops=0"),
                Arguments.of("TLS-09 an untrusted peer's malformed Forwarded is never read", "203.0.113.9",
                        request().field("Forwarded", "for=\"unterminated"),
                        "CONNECTION client=203.0.113.9:5000 http host=internal:8080 port=8080 hops=0"),
                Arguments.of("TLS-09 the connection's security stands without a forwarded scheme", PROXY,
                        request().overTls(),
                        "CONNECTION client=10.0.0.1:5000 https host=internal:8080 port=8080 hops=0"),
                Arguments.of("TLS-09 a trusted proxy's Forwarded gives client, scheme and host", PROXY,
                        request().field("Forwarded", "for=\"192.0.2.60:4711\";proto=https;host=example.com"),
                        "FORWARDED client=192.0.2.60:4711 https host=example.com port=443 hops=1"),
                Arguments.of("TLS-09 a chain of trusted proxies is walked back to the client", PROXY,
                        request().field("Forwarded", "for=192.0.2.60;proto=https;host=\"example.com:8443\"")
                                .field("Forwarded", "for=10.0.0.2;proto=http"),
                        "FORWARDED client=192.0.2.60 https host=example.com:8443 port=8443 hops=2"),
                Arguments.of("TLS-09 elements forged by the client, left of the first untrusted hop, are never read",
                        PROXY, request().field("Forwarded", "for=10.0.0.7;proto=https, for=198.51.100.2;proto=http"),
                        "FORWARDED client=198.51.100.2 http host=internal:8080 port=80 hops=1"),
                Arguments.of("a garbage for= left of the client is never read", PROXY,
                        request().field("Forwarded", "for=\"<script>\", for=198.51.100.2"),
                        "FORWARDED client=198.51.100.2 http host=internal:8080 port=8080 hops=1"),
                Arguments.of("a chain trusted to its start ends at the oldest hop", PROXY,
                        request().field("Forwarded", "for=10.0.0.3, for=10.0.0.2"),
                        "FORWARDED client=10.0.0.3 http host=internal:8080 port=8080 hops=2"),
                Arguments.of("an element without for= hides the client", PROXY,
                        request().field("Forwarded", "proto=https"),
                        "FORWARDED client=unknown https host=internal:8080 port=443 hops=1"),
                Arguments.of("an obfuscated client stays hidden", PROXY,
                        request().field("Forwarded", "for=_hidden;proto=HTTPS"),
                        "FORWARDED client=_hidden https host=internal:8080 port=443 hops=1"),
                Arguments.of("wss is read as https", PROXY, request().field("Forwarded", "for=192.0.2.1;proto=wss"),
                        "FORWARDED client=192.0.2.1 https host=internal:8080 port=443 hops=1"),
                Arguments.of("TLS-09 a trusted proxy's X-Forwarded-* give client, scheme and host", PROXY,
                        request().field("X-Forwarded-For", "192.0.2.60").field("X-Forwarded-Proto", "https")
                                .field("X-Forwarded-Host", "example.com"),
                        "X_FORWARDED client=192.0.2.60 https host=example.com port=443 hops=1"),
                Arguments.of("X-Forwarded-For is walked right to left past trusted proxies", PROXY,
                        request().field("X-Forwarded-For", "198.51.100.7, 192.0.2.60, 10.0.0.2")
                                .field("X-Forwarded-Proto", "https, http"),
                        "X_FORWARDED client=192.0.2.60 https host=internal:8080 port=443 hops=2"),
                Arguments.of("one X-Forwarded-Proto set by the edge proxy applies to the client", PROXY,
                        request().field("X-Forwarded-For", "192.0.2.60, 10.0.0.2").field("X-Forwarded-Proto", "https"),
                        "X_FORWARDED client=192.0.2.60 https host=internal:8080 port=443 hops=2"),
                Arguments.of("TLS-09 a client's own X-Forwarded-Proto, appended to by the proxy, is not believed", PROXY,
                        request().field("X-Forwarded-For", "192.0.2.60").field("X-Forwarded-Proto", "https, http"),
                        "X_FORWARDED client=192.0.2.60 http host=internal:8080 port=80 hops=1"),
                Arguments.of("garbage left of the client in X-Forwarded-For is never read", PROXY,
                        request().field("X-Forwarded-For", "<script>, 192.0.2.60"),
                        "X_FORWARDED client=192.0.2.60 http host=internal:8080 port=8080 hops=1"),
                Arguments.of("X-Forwarded-Port sets the server port", PROXY,
                        request().field("X-Forwarded-Proto", "https").field("X-Forwarded-Port", "8443"),
                        "X_FORWARDED client=10.0.0.1:5000 https host=internal:8080 port=8443 hops=1"),
                Arguments.of("a trusted peer reported in brackets, as Jetty does", "[2001:db8::5]",
                        request().field("X-Forwarded-For", "2001:db8:1::9, 2001:db8::6"),
                        "X_FORWARDED client=[2001:db8:1::9] http host=internal:8080 port=8080 hops=2"),
                Arguments.of("a peer that is not an IP address is not trusted", "unix:/run/proxy.sock",
                        request().field("Forwarded", "for=192.0.2.1;proto=https"),
                        "CONNECTION client=unknown http host=internal:8080 port=8080 hops=0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void resolvesTheClient(String label, String peer, TestHead head, String expected) {
        assertThat(EITHER.resolve(head, peer, 5000)).hasToString(expected);
    }

    /** Rows: label, head, expected reason; the peer is always a trusted proxy. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("TLS-09 a Forwarded field that does not parse", request().field("Forwarded", "for=\"unterminated"),
                        "Invalid Forwarded field: expected '\"' but was end of field at offset 17"),
                Arguments.of("TLS-09 a for= that is not a node", request().field("Forwarded", "for=proxy.internal"),
                        "Invalid Forwarded field: expected an IP address, \"unknown\" or an obfuscated node in for= "
                                + "but was \"proxy.internal\""),
                Arguments.of("TLS-09 a proto that is not http or https", request().field("Forwarded", "for=192.0.2.1;proto=ftp"),
                        "Invalid Forwarded field: expected proto http or https but was \"ftp\""),
                Arguments.of("TLS-09 a host= that is not an authority", request().field("Forwarded", "host=\"a b\""),
                        "Invalid Forwarded field: expected a host but was \"a b\""),
                Arguments.of("TLS-09 an X-Forwarded-For item that is not a node",
                        request().field("X-Forwarded-For", "192.0.2.1, proxy.internal"),
                        "Invalid X-Forwarded-For field: expected an IP address, \"unknown\" or an obfuscated node "
                                + "but was \"proxy.internal\""),
                Arguments.of("TLS-09 an X-Forwarded-Proto that is not http or https",
                        request().field("X-Forwarded-Proto", "gopher"),
                        "Invalid X-Forwarded-Proto field: expected proto http or https but was \"gopher\""),
                Arguments.of("TLS-09 an X-Forwarded-Port that is not a port", request().field("X-Forwarded-Port", "99999"),
                        "Invalid X-Forwarded-Port field: expected a port from 1 to 65535 but was \"99999\""),
                Arguments.of("TLS-09 both families from a trusted proxy: one may be the client's own",
                        request().field("Forwarded", "for=192.0.2.66;proto=https").field("X-Forwarded-For", "192.0.2.1"),
                        "Invalid Forwarded field: both Forwarded and X-Forwarded-* came through a trusted proxy, and "
                                + "one of them may be the client's own"),
                Arguments.of("TLS-09 both families from a trusted proxy, X-Forwarded-Proto alone beside Forwarded",
                        request().field("Forwarded", "for=192.0.2.66").field("X-Forwarded-Proto", "http"),
                        "Invalid Forwarded field: both Forwarded and X-Forwarded-* came through a trusted proxy, and "
                                + "one of them may be the client's own"),
                Arguments.of("TLS-09 a control character in X-Forwarded-For",
                        request().field("X-Forwarded-For", "192.0.2.1\u0000"),
                        "Invalid X-Forwarded-For field: expected a visible character but was character U+0000 at offset 9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedFieldsFromATrustedProxyWith400(String label, TestHead head, String reason) {
        assertThatThrownBy(() -> EITHER.resolve(head, PROXY, 5000))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    @DisplayName("TLS-09 with X-Forwarded-* named, a Forwarded field passed through from the client is ignored")
    void xForwardedOnlyIgnoresForwarded() {
        ForwardedClientResolver resolver = new ForwardedClientResolver(TRUSTED, ForwardedFields.X_FORWARDED);
        TestHead head = request().field("Forwarded", "for=192.0.2.66;proto=https").field("X-Forwarded-For", "192.0.2.1");

        ForwardedClient client = resolver.resolve(head, PROXY, 5000);

        assertThat(client.source()).isEqualTo(Source.X_FORWARDED);
        assertThat(client.address()).contains(IpAddress.parse("192.0.2.1"));
        assertThat(client.secure()).isFalse();
    }

    @Test
    @DisplayName("TLS-09 with Forwarded named, X-Forwarded-* passed through from the client are ignored")
    void forwardedOnlyIgnoresXForwarded() {
        ForwardedClientResolver resolver = new ForwardedClientResolver(TRUSTED, ForwardedFields.FORWARDED);
        TestHead head = request().field("X-Forwarded-For", "192.0.2.66").field("X-Forwarded-Proto", "https");

        ForwardedClient client = resolver.resolve(head, PROXY, 5000);

        assertThat(client.source()).isEqualTo(Source.CONNECTION);
        assertThat(client.secure()).isFalse();
    }

    @Test
    @DisplayName("TLS-09 both families from an untrusted peer are ignored, not refused")
    void bothFamiliesFromAnUntrustedPeerAreIgnored() {
        TestHead head = request().field("Forwarded", "for=192.0.2.66;proto=https").field("X-Forwarded-For", "192.0.2.1");

        ForwardedClient client = EITHER.resolve(head, "203.0.113.9", 5000);

        assertThat(client.source()).isEqualTo(Source.CONNECTION);
        assertThat(client.secure()).isFalse();
    }

    @Test
    void noneTrustsNobody() {
        TestHead head = request().field("X-Forwarded-Proto", "https");

        assertThat(ForwardedClientResolver.none().resolve(head, "127.0.0.1", 5000).source()).isEqualTo(Source.CONNECTION);
    }

    @Test
    void withoutAValidHostTheHostIsUnknownAndThePortTheSchemesDefault() {
        TestHead head = TestHead.of("HTTP/1.1").field("Host", "a b").overTls();

        ForwardedClient client = EITHER.resolve(head, "203.0.113.9", -1);

        assertThat(client.host()).isEmpty();
        assertThat(client.serverPort()).isEqualTo(443);
        assertThat(client.port()).isEqualTo(-1);
    }
}
