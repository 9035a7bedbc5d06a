package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.options.Option;
import dev.switchboard.servlet.HandlerDeclarations;
import dev.switchboard.servlet.Settings;

/** The tunnel's options as the parameters, the builder and the handler limits see them: one set of declarations. */
class TunnelDeclarationsTest {

    @Test
    void theDocumentedHandlerLimitsAreThoseReadUnderTheTunnelsPrefix() {
        for (Option<?> o : TunnelDeclarations.GROUP.options()) {
            o.inherits().ifPresent(shared -> assertThat(o.name()).isEqualTo(
                    TunnelOptions.HANDLER_PREFIX + "." + HandlerDeclarations.GROUP.key(shared)));
        }
    }

    @Test
    void theBuilderRefusesAZeroTimeoutAsTheParameterDoes() {
        String message = "switchboard.proxy.responseTimeout: expected a duration above zero such as 30s, 500ms, 5m "
                + "or PT30S but was \"0\"";

        assertThatThrownBy(() -> TunnelOptions.builder().responseTimeout(Duration.ZERO)).hasMessage(message);
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(TunnelOptions.RESPONSE_TIMEOUT, "0"))))
                .hasMessage(message);
    }

    @Test
    void theBuilderRefusesAHeadLimitAboveTheParametersRange() {
        assertThatThrownBy(() -> TunnelOptions.builder().maxResponseHeadSize(2 << 20))
                .hasMessageStartingWith("switchboard.proxy.maxResponseHeadSize: expected a size from 256 to 1048576");
    }

    @Test
    void aConnectTargetThatIsNotHostAndPortIsNamed() {
        assertThatThrownBy(() -> TunnelOptions.from(Settings.of(Map.of(TunnelOptions.CONNECT,
                "db.internal:5432, db.internal"))))
                .hasMessage("switchboard.proxy.connect: expected host:port pairs such as db.internal:5432 "
                        + "but was \"db.internal\"");
    }

    @Test
    void routesAddedInCodeFollowThoseReadFromParameters() {
        TunnelOptions options = TunnelOptions.builder().route("/a/", "http://a.internal").route("/b/", "http://b.internal")
                .origins("/b/", AllowedOrigins.parse("https://app.example.com")).build();

        assertThat(options.routes()).extracting(Route::prefix).containsExactly("/a/", "/b/");
        assertThat(options.origins(options.routes().get(1))).isEqualTo(AllowedOrigins.parse("https://app.example.com"));
        assertThat(options.origins(options.routes().get(0))).isEqualTo(AllowedOrigins.SAME_ORIGIN);
    }

    @Test
    void viaNoneAndANullViaBothAddNoVia() {
        assertThat(TunnelOptions.builder().via(null).build().via()).isEmpty();
        assertThat(TunnelOptions.from(Settings.of(Map.of(TunnelOptions.VIA, "None"))).via()).isEmpty();
        assertThat(TunnelOptions.builder().build().via()).contains("switchboard");
    }

    @Test
    void theSharedContentLimitIsReadUnderItsOwnName() {
        assertThat(TunnelOptions.from(Settings.of(Map.of("switchboard.maxContentLength", "1KiB"))).maxContentLength())
                .isEqualTo(1024);
        assertThat(TunnelDeclarations.SHARED.options()).extracting(Option::name)
                .isEqualTo(List.of("switchboard.maxContentLength", "switchboard.jmx"));
    }
}
