package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketOptions;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static Route only(WebSocketEndpoint endpoint) {
        return Routes.build(WebSocketOptions.defaults(), List.of(endpoint), List.of(), SessionRegistry.of(context()))
                .match("/ws/echo").route();
    }

    /** A servlet context that keeps attributes and nothing else: all the session registry needs. */
    private static ServletContext context() {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (ServletContext) Proxy.newProxyInstance(RoutesTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getContextPath" -> "";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
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
