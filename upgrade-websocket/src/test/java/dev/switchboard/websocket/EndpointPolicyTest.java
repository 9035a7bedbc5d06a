package dev.switchboard.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.Origin;
import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.handshake.DeflatePolicy;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import dev.switchboard.websocket.internal.AnnotationSettings;

class EndpointPolicyTest {

    @Test
    void theDefaultsAreSameOriginNoSubprotocolDeflateAndOpenAuthorization() {
        EndpointPolicy p = EndpointPolicy.DEFAULT;
        assertThat(p.origins().sameOrigin()).isTrue();
        assertThat(p.origins().allowNull()).isFalse();
        assertThat(p.subprotocols().supported()).isEmpty();
        assertThat(p.extensions().allowed()).containsExactly("permessage-deflate");
        assertThat(p.extensions().deflate()).isEqualTo(DeflatePolicy.DEFAULT);
        assertThat(p.authorizer()).isSameAs(HandshakeAuthorizer.ALLOW_ALL);
        assertThat(p.limits()).isEqualTo(SessionLimits.DEFAULT);
    }

    @Test
    void everyOptionIsReadFromWebXmlParameters() {
        EndpointPolicy p = EndpointPolicy.from(Settings.of(Map.ofEntries(
                Map.entry("switchboard.websocket.origins", "same-origin, https://app.example.com, https://*.example.org, null"),
                Map.entry("switchboard.websocket.requireOrigin", "true"),
                Map.entry("switchboard.websocket.subprotocols", "chat.v2, chat.v1"),
                Map.entry("switchboard.websocket.subprotocolSelection", "server-preference"),
                Map.entry("switchboard.websocket.subprotocolRequired", "true"),
                Map.entry("switchboard.websocket.serverNoContextTakeover", "true"),
                Map.entry("switchboard.websocket.clientNoContextTakeover", "true"),
                Map.entry("switchboard.websocket.clientMaxWindowBits", "10"),
                Map.entry("switchboard.websocket.roles", "chat-user"),
                Map.entry("switchboard.websocket.maxSessions", "100"),
                Map.entry("switchboard.websocket.idleTimeout", "30s"),
                Map.entry("switchboard.websocket.maxMessageSize", "1MiB"))));
        assertThat(p.origins().exact()).containsExactly(Origin.parse("https://app.example.com"));
        assertThat(p.origins().patterns()).hasSize(1);
        assertThat(p.origins().allowNull()).isTrue();
        assertThat(p.origins().requireOrigin()).isTrue();
        assertThat(p.subprotocols()).isEqualTo(SubprotocolPolicy.serverPreference("chat.v2", "chat.v1").withRequired(true));
        assertThat(p.extensions().deflate()).isEqualTo(DeflatePolicy.DEFAULT.withServerNoContextTakeover(true)
                .withClientNoContextTakeover(true).withClientMaxWindowBits(10));
        assertThat(p.authorizer().toString()).isEqualTo("authenticated with a role in [chat-user]");
        assertThat(p.limits()).isEqualTo(new SessionLimits(100, Duration.ofSeconds(30), 1024 * 1024));
    }

    @Test
    void extensionsNoneTurnsEveryExtensionOff() {
        EndpointPolicy p = EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.extensions", "none")));
        assertThat(p.extensions().allowed()).isEmpty();
    }

    @Test
    void anInvalidValueNamesItsParameter() {
        assertThatThrownBy(() -> EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.origins", "example.com"))))
                .hasMessageStartingWith("switchboard.websocket.origins: expected an origin");
        assertThatThrownBy(() -> EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.subprotocolSelection", "mine"))))
                .hasMessage("switchboard.websocket.subprotocolSelection: expected one of [client-preference, "
                        + "server-preference] but was \"mine\"");
        assertThatThrownBy(() -> EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.auth", "java.lang.String"))))
                .hasMessageStartingWith("switchboard.websocket.auth: expected none, authenticated, or a HandshakeAuthorizer");
    }

    @Test
    @DisplayName("layers apply in order: parameters for all, then code, then the endpoint's own parameters")
    void layersApplyInOrder() {
        WebSocketOptions options = WebSocketOptions.from(Settings.of(Map.of(
                "switchboard.websocket.maxSessions", "50",
                "switchboard.websocket.idleTimeout", "1m",
                "switchboard.websocket.endpoint.chat.idleTimeout", "10s")));
        EndpointPolicy p = options.policyFor("chat", b -> b.maxSessions(7).idleTimeout(Duration.ofMinutes(3)));
        assertThat(p.limits().maxSessions()).isEqualTo(7);
        assertThat(p.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.policyFor(null, b -> { }).limits().maxSessions()).isEqualTo(50);
    }

    @WebSocketPolicy(origins = {"same-origin", "https://app.example.com"}, subprotocolSelection = "server-preference",
            permessageDeflate = "false", maxSessions = "3", authorizer = DenyAll.class)
    static final class Annotated {
    }

    public static final class DenyAll implements HandshakeAuthorizer {
        @Override
        public Authorization authorize(jakarta.servlet.http.HttpServletRequest request, Map<String, String> p) {
            return Authorization.forbidden("no");
        }
    }

    @Test
    void theAnnotationIsReadLikeWebXml() {
        WebSocketPolicy a = Annotated.class.getAnnotation(WebSocketPolicy.class);
        EndpointPolicy p = EndpointPolicy.builder().supportedSubprotocols(List.of("b", "a"))
                .apply(AnnotationSettings.of(a), "").build();
        assertThat(p.origins().exact()).containsExactly(Origin.parse("https://app.example.com"));
        assertThat(p.subprotocols()).isEqualTo(SubprotocolPolicy.serverPreference("b", "a"));
        assertThat(p.extensions().deflate().enabled()).isFalse();
        assertThat(p.limits().maxSessions()).isEqualTo(3);
        assertThat(p.authorizer()).isInstanceOf(DenyAll.class);
    }

    @Test
    void theRemovedTrustedProxiesKeyFailsNamingTheContextSetting() {
        assertThatThrownBy(() -> EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.trustedProxies", "10.0.0.2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("switchboard.websocket.trustedProxies: no longer read: set switchboard.trustedProxies");
    }
}
