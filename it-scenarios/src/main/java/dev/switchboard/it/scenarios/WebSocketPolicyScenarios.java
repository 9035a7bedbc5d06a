package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;

/**
 * Endpoint policies on the wire: subprotocol choice (WS-09), origin policy (WS-11) and
 * authorization (WS-13), each on a programmatic endpoint and its annotated twin, plus the
 * endpoints configured only in web.xml; and an application-wide message limit of 12 KiB, above
 * Tomcat's own 8 KiB default, that endpoints with the container's configurator follow too
 * ({@link MessageSizes}). Deploy {@code WebSocketDeployments.app(name, PARAMS)}.
 */
public abstract class WebSocketPolicyScenarios {

    /** The application-wide policy of the deployment: {@code maxMessageSize} of 12 KiB. */
    public static final Map<String, String> PARAMS = Map.of("switchboard.websocket.maxMessageSize", "12KiB");

    private static final int CONFIGURED_LIMIT = 12 * 1024;

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    private ResponseHead head(WebSocketRequest request) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(request.text());
            return c.readHead();
        }
    }

    /** The head of the answer to {@code request} sent from the application's trusted proxy address. */
    private ResponseHead headFromTrustedProxy(WebSocketRequest request) throws Exception {
        try (RawConnection c = RawConnection.openFrom(server().base(), ForwardingRows.TRUSTED_PROXY)) {
            c.send(request.text());
            return c.readHead();
        }
    }

    private RawConnection.Response exchange(WebSocketRequest request) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(request.text());
            return c.readResponse();
        }
    }

    private WebSocketRequest to(String path) {
        return WebSocketRequest.to(server(), path);
    }

    private void assertSwitched(ResponseHead head) {
        assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
        assertThat(head.values("Sec-WebSocket-Accept")).containsExactly(WebSocketRequest.ACCEPT);
    }

    // ---------------------------------------------------------------- WS-09

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-09 server preference answers chat.v2 to an offer of chat.v1, chat.v2")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void serverPreference(String path) throws Exception {
        ResponseHead head = head(to(path).field("Sec-WebSocket-Protocol", "chat.v1, chat.v2"));
        assertSwitched(head);
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("chat.v2");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-09 an offer spread over two field lines is read in order")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void offerOverTwoLines(String path) throws Exception {
        ResponseHead head = head(to(path).field("Sec-WebSocket-Protocol", "chat.v1").field("Sec-WebSocket-Protocol", "chat.v2"));
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("chat.v2");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-09 no subprotocol is named when none offered is supported")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void noAgreement(String path) throws Exception {
        ResponseHead head = head(to(path).field("Sec-WebSocket-Protocol", "mqtt, wamp"));
        assertSwitched(head);
        assertThat(head.has("Sec-WebSocket-Protocol")).isFalse();
    }

    @Test
    @DisplayName("WS-09 subprotocols compare case-sensitively: CHAT.V2 is not chat.v2")
    void caseSensitive() throws Exception {
        ResponseHead head = head(to("p/echo").field("Sec-WebSocket-Protocol", "CHAT.V2"));
        assertSwitched(head);
        assertThat(head.has("Sec-WebSocket-Protocol")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-09 an endpoint requiring a subprotocol switches when one is agreed")
    @ValueSource(strings = {"p/required", "a/required"})
    void requiredAndAgreed(String path) throws Exception {
        ResponseHead head = head(to(path).field("Sec-WebSocket-Protocol", "mqtt, chat.v2"));
        assertSwitched(head);
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("chat.v2");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-09 an endpoint requiring a subprotocol refuses an offer it does not support with 400")
    @ValueSource(strings = {"p/required", "a/required"})
    void requiredAndNotAgreed(String path) throws Exception {
        RawConnection.Response r = exchange(to(path).field("Sec-WebSocket-Protocol", "mqtt"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
        assertThat(r.bodyText()).isEqualTo("This endpoint requires a subprotocol, but none of the offered subprotocols "
                + "[mqtt] is supported; supported: [chat.v2]\n");
    }

    @Test
    @DisplayName("WS-09 an endpoint with the container's configurator still names only a subprotocol the client offered")
    void containerConfigurator() throws Exception {
        ResponseHead head = head(to("a/container").field("Sec-WebSocket-Protocol", "mqtt, chat.v1"));
        assertSwitched(head);
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("chat.v1");
    }

    @Test
    @DisplayName("WS-09 subprotocols configured in web.xml: server preference answers xml.v2")
    void webXmlSubprotocols() throws Exception {
        ResponseHead head = head(to("p/xml").field("Origin", "https://xml.example")
                .field("Sec-WebSocket-Protocol", "xml.v1, xml.v2"));
        assertSwitched(head);
        assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("xml.v2");
    }

    @Test
    @DisplayName("WS-09 a subprotocol required in web.xml refuses a handshake that offers none with 400")
    void webXmlRequired() throws Exception {
        RawConnection.Response r = exchange(to("p/xml").field("Origin", "https://xml.example"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
        assertThat(r.bodyText()).isEqualTo("This endpoint requires a subprotocol, but no subprotocol was offered; "
                + "supported: [xml.v2, xml.v1]\n");
    }

    // ---------------------------------------------------------------- WS-11

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-11 the request's own origin is accepted")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void sameOrigin(String path) throws Exception {
        assertSwitched(head(to(path).field("Origin", "http://" + server().host())));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-11 an exactly allowed origin is accepted, default port written or not")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void exactOrigin(String path) throws Exception {
        assertSwitched(head(to(path).field("Origin", "https://allowed.example:443")));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-11 an origin matching https://*.trusted.example is accepted")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void patternOrigin(String path) throws Exception {
        assertSwitched(head(to(path).field("Origin", "https://chat.eu.trusted.example")));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-11 a client that sends no Origin (not a browser) is accepted")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void noOrigin(String path) throws Exception {
        assertSwitched(head(to(path)));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-11 a cross-site origin gets 403 and a reason, before any endpoint code")
    @ValueSource(strings = {"p/echo", "a/echo", "a/container"})
    void crossSite(String path) throws Exception {
        RawConnection.Response r = exchange(to(path).field("Origin", "https://evil.example"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(403));
        assertThat(r.bodyText()).startsWith("Origin https://evil.example is not allowed: it is not this server's origin (http://"
                + server().host() + ")");
    }

    @Test
    @DisplayName("WS-11 behind a trusted proxy, X-Forwarded-Proto and X-Forwarded-Host give the request's origin")
    void trustedProxyXForwarded() throws Exception {
        assertSwitched(headFromTrustedProxy(to("p/proxied").field("X-Forwarded-Proto", "https")
                .field("X-Forwarded-Host", "app.example.com").field("Origin", "https://app.example.com")));
    }

    @Test
    @DisplayName("WS-11 behind a trusted proxy, the Forwarded element of the first untrusted hop gives the request's origin")
    void trustedProxyForwarded() throws Exception {
        assertSwitched(headFromTrustedProxy(to("p/proxied").field("Forwarded", "for=192.0.2.1;host=evil.example;proto=http, "
                + "for=10.0.0.1;host=app.example.com;proto=https").field("Origin", "https://app.example.com")));
    }

    @ParameterizedTest(name = "WS-11 {0}")
    @DisplayName("WS-11 the forwarding rows that TLS-09 and PRX-07 share: ignored from an untrusted peer, believed from a trusted one, 400 when malformed")
    @MethodSource("dev.switchboard.it.scenarios.ForwardingRows#rows")
    void theSharedForwardingRows(String label, String peer, String fields, ForwardingRows.Answer answer, String client)
            throws Exception {
        WebSocketRequest request = to("p/echo").field("Origin", "https://" + ForwardingRows.CLIENT_HOST);
        for (String line : ForwardingRows.lines(fields)) {
            int colon = line.indexOf(": ");
            request = request.field(line.substring(0, colon), line.substring(colon + 2));
        }
        RawConnection.Response r;
        try (RawConnection c = RawConnection.openFrom(server().base(), peer)) {
            c.send(request.text());
            r = answer == ForwardingRows.Answer.BELIEVED ? new RawConnection.Response(c.readHead(), new byte[0])
                    : c.readResponse();
        }
        switch (answer) {
            case IGNORED -> {
                assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(403));
                assertThat(r.bodyText()).startsWith("Origin https://" + ForwardingRows.CLIENT_HOST
                        + " is not allowed: it is not this server's origin (http://" + server().host() + ")");
            }
            case BELIEVED -> assertSwitched(r.head());
            case BAD_REQUEST -> {
                assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(r.bodyText()).endsWith("\n").doesNotContain("\r");
                assertThat(r.bodyText().strip()).doesNotContain("\n").startsWith("Invalid ");
            }
        }
    }

    @Test
    @DisplayName("WS-11 origins configured in web.xml replace same-origin: only https://xml.example is allowed")
    void webXmlOrigins() throws Exception {
        RawConnection.Response r = exchange(to("p/xml").field("Origin", "http://" + server().host())
                .field("Sec-WebSocket-Protocol", "xml.v1"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(403));
        assertThat(r.bodyText()).isEqualTo("Origin http://" + server().host() + " is not allowed: it is not on the allow-list\n");
    }

    // ---------------------------------------------------------------- WS-13

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-13 a handshake without credentials gets 401 with WWW-Authenticate, before the switch")
    @ValueSource(strings = {"p/auth", "a/auth"})
    void unauthorized(String path) throws Exception {
        RawConnection.Response r = exchange(to(path));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(401));
        assertThat(r.head().values("WWW-Authenticate")).containsExactly("Bearer realm=\"switchboard-test\"");
        assertThat(r.bodyText()).isEqualTo("A token is required\n");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-13 a token the authorizer does not accept gets 403")
    @ValueSource(strings = {"p/auth?token=bad", "a/auth?token=bad"})
    void forbidden(String path) throws Exception {
        RawConnection.Response r = exchange(to(path));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(403));
        assertThat(r.bodyText()).isEqualTo("This token may not open this endpoint\n");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-13 a good token switches")
    @ValueSource(strings = {"p/auth?token=good", "a/auth?token=good"})
    void authorized(String path) throws Exception {
        assertSwitched(head(to(path)));
    }

    @Test
    @DisplayName("WS-13 authorization sees path parameters: /p/rooms/lobby opens and says which room it serves")
    void pathParameters() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(to("p/rooms/lobby").text());
            assertSwitched(c.readHead());
            assertThat(WebSocketFrames.read(c.input()).text()).isEqualTo("room:lobby");
        }
    }

    // ---------------------------------------------------------------- maxMessageSize

    @ParameterizedTest(name = "{0}")
    @DisplayName("a text message of exactly the configured 12 KiB limit comes back whole")
    @ValueSource(strings = {"p/defaults", "a/container"})
    void textAtTheConfiguredLimit(String path) throws Exception {
        MessageSizes.textEchoed(server(), path, CONFIGURED_LIMIT);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a text message one byte over the configured 12 KiB limit closes the session with 1009")
    @ValueSource(strings = {"p/defaults", "a/container"})
    void textOverTheConfiguredLimit(String path) throws Exception {
        MessageSizes.textRefused(server(), path, CONFIGURED_LIMIT + 1);
    }

    @Test
    @DisplayName("a binary message one byte over the configured 12 KiB limit closes the session with 1009")
    void binaryOverTheConfiguredLimit() throws Exception {
        MessageSizes.binaryRefused(server(), "p/defaults", CONFIGURED_LIMIT + 1);
    }
}
