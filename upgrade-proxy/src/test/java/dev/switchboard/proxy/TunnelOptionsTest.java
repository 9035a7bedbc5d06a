package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.Settings;

class TunnelOptionsTest {

    @Test
    @DisplayName("Routes are read from one parameter, separated by commas or line breaks")
    void readsRoutes() {
        TunnelOptions options = TunnelOptions.from(Settings.of(Map.of(TunnelOptions.ROUTES,
                "/chat/ -> http://10.0.0.5:8080/ws/,\n  /feed/ -> https://feed.internal\n")));
        assertThat(options.routes()).containsExactly(Route.of("/chat/", "http://10.0.0.5:8080/ws/"),
                Route.of("/feed/", "https://feed.internal"));
        assertThat(options.route("/feed/x")).contains(Route.of("/feed/", "https://feed.internal"));
        assertThat(options.route("/other")).isEmpty();
    }

    @Test
    @DisplayName("Every limit has a default")
    void defaults() {
        TunnelOptions options = TunnelOptions.from(Settings.of(Map.of()));
        assertThat(options.routes()).isEmpty();
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxTunnels()).isEqualTo(1000);
        assertThat(options.maxResponseHeadSize()).isEqualTo(8192);
        assertThat(options.maxContentLength()).isEqualTo(65536);
        assertThat(options.handlerOptions().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.handlerOptions().firstByteTimeout()).isZero();
        assertThat(options.forwarding()).isEqualTo(ForwardingFields.BOTH);
        assertThat(options.via()).contains("switchboard");
        assertThat(options.preserveHost()).isFalse();
    }

    @Test
    @DisplayName("PRX-05 the timeouts, the cap and the head limit are configurable")
    void limitsAreConfigurable() {
        TunnelOptions options = TunnelOptions.from(Settings.of(Map.of(
                TunnelOptions.CONNECT_TIMEOUT, "250ms", TunnelOptions.RESPONSE_TIMEOUT, "2s",
                TunnelOptions.MAX_TUNNELS, "7", TunnelOptions.MAX_RESPONSE_HEAD_SIZE, "16KiB",
                "switchboard.proxy.idleTimeout", "45s", "switchboard.proxy.maxPendingOutput", "1MiB")));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.maxTunnels()).isEqualTo(7);
        assertThat(options.maxResponseHeadSize()).isEqualTo(16384);
        assertThat(options.handlerOptions().idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.handlerOptions().maxPendingOutput()).isEqualTo(1 << 20);
    }

    @Test
    @DisplayName("PRX-07 forwarding fields and Via are configurable")
    void forwardingIsConfigurable() {
        TunnelOptions options = TunnelOptions.from(Settings.of(Map.of(
                TunnelOptions.FORWARDING, "x-forwarded", TunnelOptions.VIA, "none")));
        assertThat(options.forwarding()).isEqualTo(ForwardingFields.X_FORWARDED);
        assertThat(options.via()).isEmpty();
    }

    @Test
    @DisplayName("A route without an arrow fails deployment naming the parameter")
    void rejectsMalformedRoute() {
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(TunnelOptions.ROUTES, "/chat/ http://b"))))
                .hasMessage("switchboard.proxy.routes: expected routes such as /tunnel/ -> http://10.0.0.5:8080/ws/ "
                        + "but was \"/chat/ http://b\"");
    }

    @Test
    @DisplayName("A route's allowed origins are read per prefix; other routes allow their own origin only")
    void readsOriginsPerRoute() {
        TunnelOptions options = TunnelOptions.from(Settings.of(Map.of(
                TunnelOptions.ROUTES, "/chat/ -> http://10.0.0.5:8080/ws/, /feed/ -> http://10.0.0.6",
                TunnelOptions.ORIGINS, "/chat/ -> same-origin https://app.example.com\n")));
        assertThat(options.origins(options.routes().get(0)))
                .isEqualTo(AllowedOrigins.parse("same-origin https://app.example.com"));
        assertThat(options.origins(options.routes().get(1))).isEqualTo(AllowedOrigins.SAME_ORIGIN);
    }

    @Test
    @DisplayName("Origins for a prefix that is no route's fail deployment naming the parameter")
    void rejectsOriginsWithoutRoute() {
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(
                TunnelOptions.ROUTES, "/chat/ -> http://10.0.0.5:8080/ws/",
                TunnelOptions.ORIGINS, "/chats/ -> https://app.example.com"))))
                .hasMessage("switchboard.proxy.origins: expected the prefix of a route in switchboard.proxy.routes "
                        + "but was \"/chats/\"");
    }

    @Test
    @DisplayName("A malformed origin fails deployment naming the parameter and the entry")
    void rejectsMalformedOrigin() {
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(
                TunnelOptions.ROUTES, "/chat/ -> http://10.0.0.5:8080/ws/",
                TunnelOptions.ORIGINS, "/chat/ -> app.example.com"))))
                .hasMessageStartingWith("switchboard.proxy.origins: expected same-origin, *, null, an origin")
                .hasMessageEndingWith("but was \"app.example.com\"");
    }

    @Test
    @DisplayName("A zero connect timeout is rejected: it would wait forever")
    void rejectsZeroTimeout() {
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(TunnelOptions.CONNECT_TIMEOUT, "0"))))
                .hasMessageStartingWith("switchboard.proxy.connectTimeout: expected a duration above zero");
    }

    @Test
    @DisplayName("A trust store that cannot be read fails deployment naming the parameter")
    void rejectsMissingTrustStore() {
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(TunnelOptions.TRUST_STORE, "/no/such.p12"))))
                .hasMessageStartingWith("switchboard.proxy.trustStore: cannot read the PKCS12 trust store");
    }
}
