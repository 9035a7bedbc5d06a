package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.AddressSet;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

class ForwardedClientsTest {

    private final ForwardedClients clients = ForwardedClients.of(AddressSet.parse("10.0.0.0/8"));

    /** A request from {@code peer} with {@code fields}, holding its attributes. */
    private static HttpServletRequest request(String peer, Map<String, String> fields) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ForwardedClientsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getRemotePort" -> 4711;
                    case "isSecure" -> false;
                    case "getMethod" -> "GET";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getHeaders" -> Collections.enumeration(fields.containsKey((String) args[0])
                            ? List.of(fields.get((String) args[0])) : List.<String>of());
                    case "getHeader" -> fields.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    @DisplayName("TLS-09 a trusted proxy's Forwarded names the client")
    void aTrustedProxysForwardedNamesTheClient() {
        ForwardedClient client = clients.resolve(request("10.0.0.2",
                Map.of("Host", "backend:8080", "Forwarded", "for=198.51.100.7;proto=https;host=app.example.com")));
        assertThat(client.toString()).isEqualTo("FORWARDED client=198.51.100.7 https host=app.example.com port=443 hops=1");
    }

    @Test
    @DisplayName("TLS-09 the Forwarded of a peer that is no trusted proxy is ignored, even when malformed")
    void anUntrustedPeersFieldsAreIgnored() {
        ForwardedClient client = clients.resolve(request("192.0.2.1", Map.of("Host", "backend:8080", "Forwarded", ";;")));
        assertThat(client.source()).isEqualTo(ForwardedClient.Source.CONNECTION);
    }

    @Test
    @DisplayName("TLS-09 a malformed Forwarded from a trusted proxy is a 400")
    void aTrustedProxysMalformedForwardedIsA400() {
        assertThatThrownBy(() -> clients.resolve(request("10.0.0.2", Map.of("Host", "backend", "Forwarded", ";;"))))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aRequestIsResolvedOnceWhateverWrapsItLater() {
        HttpServletRequest request = request("10.0.0.2", Map.of("Host", "backend", "X-Forwarded-For", "198.51.100.7"));
        ForwardedClient first = clients.resolve(request);
        HttpServletRequest wrapped = new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return "198.51.100.7";
            }
        };
        assertThat(clients.resolve(wrapped)).isSameAs(first);
        assertThat(ForwardedClients.resolved(wrapped)).isSameAs(first);
    }

    @Test
    void theContextSettingIsReadAndCheckedLikeEveryOption() {
        assertThat(ForwardedClients.from(Settings.of(Map.of("switchboard.trustedProxies", "10.0.0.0/8, ::1")))
                .trustedProxies()).isEqualTo(AddressSet.parse("10.0.0.0/8, ::1"));
        assertThat(ForwardedClients.from(Settings.of(Map.of())).trustedProxies().isEmpty()).isTrue();
        assertThatThrownBy(() -> ForwardedClients.from(Settings.of(Map.of("switchboard.trustedProxies", "proxy.example"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("switchboard.trustedProxies: expected IP addresses or CIDR blocks");
    }

    @Test
    void aRemovedKeyFailsInOneLineNamingTheNewOne() {
        assertThatThrownBy(() -> ForwardedClients.refuseRemovedKey(
                Settings.of(Map.of("switchboard.tls.trustedProxies", "10.0.0.2")), "switchboard.tls.trustedProxies"))
                .hasMessage("switchboard.tls.trustedProxies: no longer read: set switchboard.trustedProxies instead "
                        + "(one list for the TLS policy, WebSocket origin checks and the tunnel)");
    }

    /** A context with {@code params}, holding its attributes. */
    private static ServletContext context(Map<String, String> params) {
        Map<String, Object> attributes = new HashMap<>();
        return (ServletContext) Proxy.newProxyInstance(ForwardedClientsTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aContextHasOneInstance() {
        ServletContext context = context(Map.of("switchboard.trustedProxies", "10.0.0.2"));
        ForwardedClients first = ForwardedClients.of(context);
        assertThat(ForwardedClients.of(context)).isSameAs(first);
        assertThat(first.trustedProxies()).isEqualTo(AddressSet.parse("10.0.0.2"));
    }

    @Test
    void aContextThatStillSetsAReplacedKeyDoesNotStart() {
        assertThatThrownBy(() -> ForwardedClients.of(context(Map.of("switchboard.websocket.trustedProxies", "10.0.0.2"))))
                .hasMessageStartingWith("switchboard.websocket.trustedProxies: no longer read: set switchboard.trustedProxies");
    }
}
