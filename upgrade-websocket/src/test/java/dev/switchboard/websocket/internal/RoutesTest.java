package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketOptions;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static Route only(WebSocketEndpoint endpoint) {
        return Routes.build(WebSocketOptions.defaults(), List.of(endpoint), List.of(), new SessionRegistry(
                UpgradeRegistry.standalone("routes").statistics().forProtocol("websocket")))
                .match("/ws/echo").route();
    }

    @Test
    void aDelegatedEndpointIsSwitchedFurtherDownTheChainWithSwitchboardsAgreement() {
        Route route = only(WebSocketEndpoint.delegated("/ws/echo").build());

        assertThat(route.kind()).isEqualTo(Route.Kind.ANNOTATED);
        assertThat(route.config()).isNull();
    }

    @Test
    void aDelegatedEndpointHasItsPolicyAndItsSessions() {
        Route route = only(WebSocketEndpoint.delegated("/ws/echo")
                .subprotocols(SubprotocolPolicy.serverPreference("echo.v1")).build());

        assertThat(route.policy().subprotocols().supported()).containsExactly("echo.v1");
        assertThat(route.sessions()).isNotNull();
    }
}
