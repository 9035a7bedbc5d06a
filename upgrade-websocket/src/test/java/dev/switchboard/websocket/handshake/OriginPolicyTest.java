package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.AddressSet;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClientResolver;
import dev.switchboard.http.ForwardedFields;
import dev.switchboard.http.Origin;

class OriginPolicyTest {

    private static final String PEER = "203.0.113.9";
    private static final String PROXY = "10.0.0.5";
    /** The context's resolver, as {@code switchboard.trustedProxies=10.0.0.0/8} makes it. */
    private static final ForwardedClientResolver CLIENTS = new ForwardedClientResolver(
            AddressSet.parse("10.0.0.0/8"), ForwardedFields.EITHER);

    private static void allowed(OriginPolicy p, String origin, TestHead head, String peer) {
        assertThatCode(() -> p.check(origin == null ? null : Origin.parse(origin),
                CLIENTS.resolve(head, peer, -1))).doesNotThrowAnyException();
    }

    private static void refused(OriginPolicy p, String origin, TestHead head, String peer, String reason) {
        assertThatThrownBy(() -> p.check(origin == null ? null : Origin.parse(origin), CLIENTS.resolve(head, peer, -1)))
                .isInstanceOfSatisfying(HandshakeException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    private static TestHead host(String host) {
        return new TestHead().field("Host", host);
    }

    @Test
    @DisplayName("WS-11 same-origin allows the origin the request addresses")
    void sameOriginAllowsItself() {
        allowed(OriginPolicy.SAME_ORIGIN_ONLY, "http://example.com:8080", host("example.com:8080"), PEER);
    }

    @Test
    @DisplayName("WS-11 same-origin compares the scheme: https over TLS, http otherwise")
    void sameOriginComparesScheme() {
        allowed(OriginPolicy.SAME_ORIGIN_ONLY, "https://example.com", host("example.com").secure(true), PEER);
        refused(OriginPolicy.SAME_ORIGIN_ONLY, "https://example.com", host("example.com"), PEER,
                "Origin https://example.com is not allowed: it is not this server's origin (http://example.com)");
    }

    @Test
    @DisplayName("WS-11 a cross-site origin gets 403 with a reason")
    void crossSiteIsRefused() {
        refused(OriginPolicy.SAME_ORIGIN_ONLY, "https://evil.example", host("example.com"), PEER,
                "Origin https://evil.example is not allowed: it is not this server's origin (http://example.com)");
    }

    @Test
    @DisplayName("WS-11 Origin null gets 403 unless allowed")
    void nullOrigin() {
        refused(OriginPolicy.SAME_ORIGIN_ONLY, "null", host("example.com"), PEER,
                "Origin null (a sandboxed page or a file: URL) is not allowed");
        allowed(OriginPolicy.builder().allowNull(true).build(), "null", host("example.com"), PEER);
    }

    @Test
    @DisplayName("WS-11 a handshake without Origin passes unless an origin is required")
    void missingOrigin() {
        allowed(OriginPolicy.SAME_ORIGIN_ONLY, null, host("example.com"), PEER);
        refused(OriginPolicy.builder().requireOrigin(true).build(), null, host("example.com"), PEER,
                "This endpoint requires an Origin field");
    }

    @Test
    @DisplayName("WS-11 exact origins and host patterns are allowed besides same-origin")
    void allowList() {
        OriginPolicy p = OriginPolicy.builder().origins(List.of("same-origin", "https://app.example.net",
                "https://*.example.org")).build();
        allowed(p, "https://app.example.net:443", host("example.com"), PEER);
        allowed(p, "https://a.example.org", host("example.com"), PEER);
        refused(p, "https://example.org", host("example.com"), PEER,
                "Origin https://example.org is not allowed: it is not this server's origin (http://example.com) "
                        + "and not on the allow-list");
    }

    @Test
    @DisplayName("WS-11 without same-origin only the allow-list counts")
    void allowListOnly() {
        OriginPolicy p = OriginPolicy.builder().origins(List.of("https://app.example.net")).build();
        refused(p, "http://example.com", host("example.com"), PEER,
                "Origin http://example.com is not allowed: it is not on the allow-list");
    }

    @Test
    @DisplayName("WS-11 * allows any origin, null included")
    void any() {
        OriginPolicy p = OriginPolicy.builder().origins(List.of("*")).build();
        allowed(p, "https://evil.example", host("example.com"), PEER);
        allowed(p, "null", host("example.com"), PEER);
    }

    @Test
    @DisplayName("WS-11 X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy give the request's origin")
    void trustedXForwarded() {
        OriginPolicy p = OriginPolicy.SAME_ORIGIN_ONLY;
        TestHead head = host("backend:8080").field("X-Forwarded-Proto", "https").field("X-Forwarded-Host", "app.example.com");
        allowed(p, "https://app.example.com", head, PROXY);
    }

    @Test
    @DisplayName("WS-11 Forwarded from a trusted proxy gives the request's origin, the element of the first untrusted hop winning")
    void trustedForwarded() {
        OriginPolicy p = OriginPolicy.SAME_ORIGIN_ONLY;
        TestHead head = host("backend:8080")
                .field("Forwarded", "for=1.2.3.4;host=app.example.com;proto=https, for=192.0.2.9;host=evil.example;proto=http");
        allowed(p, "http://evil.example", head, PROXY);
        refused(p, "https://app.example.com", head, PROXY,
                "Origin https://app.example.com is not allowed: it is not this server's origin (http://evil.example)");
    }

    @Test
    @DisplayName("WS-11 behind a chain of trusted proxies, the client's own element gives the request's origin")
    void trustedChain() {
        TestHead head = host("backend:8080")
                .field("Forwarded", "for=1.2.3.4;host=app.example.com;proto=https, for=10.0.0.9;host=edge;proto=http");
        allowed(OriginPolicy.SAME_ORIGIN_ONLY, "https://app.example.com", head, PROXY);
    }

    @Test
    @DisplayName("WS-11 a malformed Forwarded from a trusted proxy is a 400, as for the TLS policy and the tunnel")
    void malformedFromATrustedProxy() {
        TestHead head = host("example.com").field("Forwarded", "for=1.2.3.4;;=x");
        assertThatThrownBy(() -> CLIENTS.resolve(head, PROXY, -1)).isInstanceOfSatisfying(FieldSyntaxException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        allowed(OriginPolicy.SAME_ORIGIN_ONLY, "http://example.com", head, PEER);
    }

    @Test
    @DisplayName("WS-11 forwarding fields from an untrusted peer are ignored")
    void untrustedForwarding() {
        OriginPolicy p = OriginPolicy.SAME_ORIGIN_ONLY;
        TestHead head = host("example.com").field("X-Forwarded-Host", "evil.example");
        refused(p, "http://evil.example", head, PEER,
                "Origin http://evil.example is not allowed: it is not this server's origin (http://example.com)");
    }

    @Test
    void unknownEntriesAreRejected() {
        assertThatThrownBy(() -> OriginPolicy.builder().origins(List.of("example.com")))
                .hasMessage("expected an origin such as https://app.example.com but was \"example.com\"");
    }
}
