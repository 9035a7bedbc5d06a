package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * The tunnel's origin policy for WebSocket offers, per route: a page from another site must
 * not open a tunnelled WebSocket with the user's cookies (cross-site WebSocket hijacking). A
 * route allows its own origin by default; {@code /rewrite/} is configured with an exact origin
 * and a pattern instead. Offers of other protocols, which a page cannot make, and requests
 * without {@code Origin}, which browsers never send with a WebSocket, are not checked. The
 * context's {@code switchboard.allowedHosts} holds on the tunnel's routes as at the front door
 * (WS-15). Deploy {@code ProxyDeployments.gateway(name, TunnelOriginScenarios.CONTEXT_PARAMS)}.
 */
public abstract class TunnelOriginScenarios {

    /**
     * {@code /rewrite/} allows {@code https://app.example} and subdomains of {@code trusted.example};
     * upgrades are served for the loopback names only.
     */
    public static final Map<String, String> CONTEXT_PARAMS = Map.of(
            "switchboard.proxy.origins", "/rewrite/ -> https://app.example https://*.trusted.example",
            "switchboard.allowedHosts", "localhost, 127.0.0.1, [::1]");

    private static final Duration NO_CONNECTION_WAIT = Duration.ofMillis(300);

    private static ScriptedBackend backend;

    /** The gateway deployed with {@link #CONTEXT_PARAMS}. */
    protected abstract ServerUnderTest server();

    @BeforeAll
    static void startBackend() throws IOException {
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
    }

    private String webSocket(String path, String... more) {
        String[] fields = new String[more.length + 4];
        fields[0] = "Upgrade: websocket";
        fields[1] = "Connection: Upgrade";
        fields[2] = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
        fields[3] = "Sec-WebSocket-Version: 13";
        System.arraycopy(more, 0, fields, 4, more.length);
        return Requests.get(server(), path, fields);
    }

    private String ownOrigin() {
        return "http://" + server().host();
    }

    /**
     * Sends {@code request} and asserts that the backend gets it, with its {@code Origin}. The
     * backend then answers, so that the exchange is over before the test is.
     */
    private void assertForwarded(String request, String origin) throws IOException {
        try (RawConnection client = RawConnection.open(server().base())) {
            client.send(request);
            try (BackendPeer peer = backend.accept()) {
                // Lower case: Tomcat 10.1 reports field names lower-cased.
                String head = peer.readHead().toLowerCase(Locale.ROOT);
                if (origin != null) {
                    assertThat(head).contains("\r\norigin: " + origin.toLowerCase(Locale.ROOT) + "\r\n");
                }
                peer.send("HTTP/1.1 204 No Content\r\n\r\n");
                assertThat(client.readResponse().status()).isEqualTo(204);
            }
        }
    }

    /** Sends {@code request} and asserts the tunnel's 403, the closed connection, and no backend. */
    private void assertRefused(String request, String reason) throws IOException {
        assertRefused(request, 403, reason);
    }

    private void assertRefused(String request, int status, String reason) throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(request + Requests.get(s, "after"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(s.container().statusLine(status));
            assertThat(r.bodyText()).isEqualTo(reason + "\n");
            assertThat(r.head().values("Connection")).containsExactly("close");
            assertThat(client.isClosedByPeer(Duration.ofSeconds(5))).as("connection closed").isTrue();
        }
        assertThat(backend.connectionArrives(NO_CONNECTION_WAIT)).isFalse();
    }

    @Test
    @DisplayName("A WebSocket offer from another site gets 403, the connection closes and no backend is contacted")
    void crossSiteOfferIsRefused() throws IOException {
        assertRefused(webSocket("raw/chat", "Origin: http://evil.example"),
                "Origin http://evil.example may not open a WebSocket through /raw/");
    }

    @Test
    @DisplayName("A WebSocket offer from the gateway's own origin is tunnelled")
    void sameOriginOfferIsTunnelled() throws IOException {
        assertForwarded(webSocket("raw/chat", "Origin: " + ownOrigin()), ownOrigin());
    }

    @Test
    @DisplayName("A WebSocket offer from the gateway's host on another port is refused")
    void otherPortIsRefused() throws IOException {
        String origin = "http://" + server().base().getHost() + ":1";
        assertRefused(webSocket("raw/chat", "Origin: " + origin),
                "Origin " + origin + " may not open a WebSocket through /raw/");
    }

    @Test
    @DisplayName("A WebSocket offer with Origin null (a sandboxed page) is refused unless allowed")
    void opaqueOriginIsRefused() throws IOException {
        assertRefused(webSocket("raw/chat", "Origin: null"), "Origin null may not open a WebSocket through /raw/");
    }

    @Test
    @DisplayName("A WebSocket offer without Origin, from a client that is not a browser, is tunnelled")
    void offerWithoutOriginIsTunnelled() throws IOException {
        assertForwarded(webSocket("raw/chat"), null);
    }

    @Test
    @DisplayName("An offer of another protocol is not checked against the origin policy")
    void otherProtocolsAreNotChecked() throws IOException {
        assertForwarded(Requests.get(server(), "raw/x", "Upgrade: echo/1", "Connection: upgrade",
                "Origin: http://evil.example"), "http://evil.example");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A route's configured origins are tunnelled")
    @CsvSource(delimiter = '|', textBlock = """
            the exact origin                          | https://app.example
            the exact origin with its default port    | https://app.example:443
            a subdomain matching the pattern          | https://chat.trusted.example
            """)
    void configuredOriginsAreTunnelled(String label, String origin) throws IOException {
        assertForwarded(webSocket("rewrite/chat", "Origin: " + origin), origin);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A route's configured origins replace its own origin")
    @CsvSource(delimiter = '|', textBlock = """
            the gateway's own origin                  | OWN
            the exact origin's scheme changed         | http://app.example
            the pattern's domain itself               | https://trusted.example
            a look-alike domain                       | https://evil-trusted.example
            """)
    void otherOriginsAreRefusedOnAConfiguredRoute(String label, String origin) throws IOException {
        String o = origin.equals("OWN") ? ownOrigin() : origin;
        assertRefused(webSocket("rewrite/chat", "Origin: " + o), "Origin " + o
                + " may not open a WebSocket through /rewrite/");
    }

    @Test
    @DisplayName("WS-15 a same-origin WebSocket offer for a rebound name gets 421 from the tunnel, the connection closes and no backend is contacted")
    void reboundHostIsRefused() throws IOException {
        String rebound = "rebind.example:" + server().base().getPort();
        String request = webSocket("raw/chat", "Origin: http://" + rebound).replace("Host: " + server().host(),
                "Host: " + rebound);
        assertRefused(request, 421, "Host " + rebound + " is not served here");
    }
}
