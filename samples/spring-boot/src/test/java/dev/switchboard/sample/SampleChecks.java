package dev.switchboard.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.switchboard.testing.Container;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a user of the sample sees, checked from outside its JVM: raw sockets for the exact bytes,
 * the JDK's {@code HttpClient} and {@code WebSocket} as clients this project did not write. One
 * start of the jar for all checks: the first reads the metrics of its own upgrades, the last
 * stops the application.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class SampleChecks {

    private static final Duration WAIT = Duration.ofSeconds(10);

    protected static SampleProcess sample;

    /** The container the sample runs on, for the few bytes containers legitimately write differently. */
    protected abstract Container container();

    /** Whether {@code switchboard.closes} counts the close codes of the sample's Spring WebSocket sessions. */
    protected boolean countsCloseCodes() {
        return true;
    }

    @BeforeAll
    static void start() throws Exception {
        sample = SampleProcess.start();
    }

    @AfterAll
    static void stop() throws Exception {
        sample.close();
    }

    private static String base() {
        return "127.0.0.1:" + sample.port();
    }

    /** The options of every {@code Connection} field line, in lower case (RFC 9110 section 7.6.1). */
    private static List<String> connectionOptions(ResponseHead head) {
        return head.values("Connection").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(o -> o.strip().toLowerCase(Locale.ROOT)).filter(o -> !o.isEmpty()).toList();
    }

    private static String webSocketHandshake(String origin, String protocols) {
        return "GET /ws/echo HTTP/1.1\r\nHost: " + base() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: " + origin + "\r\n"
                + (protocols == null ? "" : "Sec-WebSocket-Protocol: " + protocols + "\r\n") + "\r\n";
    }

    /** First, so that the counts are this test's upgrades alone. */
    @Test
    @Order(0)
    void metricsShowThreeEchoUpgradesAndAWebSocketHandshakeByProtocolAndOutcome() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
                c.send("GET /echo HTTP/1.1\r\nHost: " + base() + "\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
                assertThat(c.readHead().status()).isEqualTo(101);
            }
        }
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            assertThat(c.send(webSocketHandshake("http://" + base(), "echo.v1")).readHead().status()).isEqualTo(101);
        }

        // Spring's handler switches the WebSocket further down the chain; Switchboard counts that
        // switch when the chain returns, which may be after the client has read the 101.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                ActuatorMetrics.read(sample.port(), "switchboard.upgrades", "outcome:switched").measurements())
                .containsExactly("COUNT=4.0"));
        ActuatorMetrics all = ActuatorMetrics.read(sample.port(), "switchboard.upgrades");
        assertThat(all.name()).isEqualTo("switchboard.upgrades");
        assertThat(all.availableTag("protocol")).containsExactlyInAnyOrder("echo/1", "websocket", "none");
        assertThat(all.availableTag("outcome")).contains("switched", "delegated");
        assertThat(all.availableTag("context")).containsExactly("/");
        assertThat(ActuatorMetrics.read(sample.port(), "switchboard.upgrades", "protocol:echo/1", "outcome:switched")
                .measurements()).containsExactly("COUNT=3.0");
        assertThat(ActuatorMetrics.read(sample.port(), "switchboard.upgrades", "protocol:websocket", "outcome:switched")
                .measurements()).containsExactly("COUNT=1.0");
        // Switchboard agreed, then left the switch to Spring's handler: delegated as well as switched.
        assertThat(ActuatorMetrics.read(sample.port(), "switchboard.upgrades", "protocol:websocket", "outcome:delegated")
                .measurements()).containsExactly("COUNT=1.0");
    }

    /**
     * After the first check's upgrades and one WebSocket session the client closes with 1000,
     * every meter the README documents is in {@code /actuator/metrics} under its documented
     * name (close codes where {@link #countsCloseCodes()}), and no other of Switchboard's: the
     * echo/1 connections' durations and the session's close code are recorded when the server
     * has seen them close, hence the wait.
     */
    @Test
    @Order(1)
    void actuatorListsExactlyTheMetersTheReadmeDocuments() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("echo.v1")
                .buildAsync(URI.create("ws://" + base() + "/ws/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);

        // Until the server has counted the close, the endpoint answers 404 for the tag code:1000.
        Set<String> expected = new TreeSet<>(ReadmeMeters.names());
        if (!countsCloseCodes()) {
            expected.remove("switchboard.closes");
        }
        await().atMost(Duration.ofMinutes(1)).ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
            assertThat(ActuatorMetrics.names(sample.port(), "switchboard.")).containsExactlyElementsOf(expected);
            if (countsCloseCodes()) {
                assertThat(ActuatorMetrics.read(sample.port(), "switchboard.closes", "protocol:websocket", "code:1000")
                        .measurements()).containsExactly("COUNT=1.0");
            }
        });
    }

    @Test
    @Order(1)
    @DisplayName("TLS-05 /secure/ in cleartext gets 426 with the TLS tokens and a page that says why")
    void secureInCleartextGets426() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            RawConnection.Response response = c.send("GET /secure/ HTTP/1.1\r\nHost: " + base()
                    + "\r\nConnection: close\r\n\r\n").readResponse();

            assertThat(response.head().statusLine()).isEqualTo(container().statusLine(426));
            assertThat(response.head().values("Upgrade")).containsExactly("TLS/1.3, TLS/1.2, HTTP/1.1");
            // Tomcat writes the options as two field lines, Jetty as one (upgrade,close): the same options.
            assertThat(connectionOptions(response.head())).contains("upgrade");
            assertThat(response.bodyText()).contains("This resource requires TLS").doesNotContain("The secure area");
        }
    }

    @Test
    @Order(1)
    void theJdkHttpClientGets426ForSecureInCleartext() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + base() + "/secure/")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(response.body()).doesNotContain("The secure area");
    }

    @Test
    @Order(1)
    @DisplayName("UPG-06 /echo switches to echo/1 with a 101 naming exactly echo/1, then echoes every byte")
    void echoSwitchesAndEchoes() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            c.send("GET /echo HTTP/1.1\r\nHost: " + base() + "\r\nUpgrade: foo/2, echo/1\r\nConnection: upgrade\r\n\r\n");

            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            c.send("hello, echo");
            assertThat(c.readString(11)).isEqualTo("hello, echo");
        }
    }

    @Test
    @Order(1)
    @DisplayName("UPG-10 /echo without an upgrade gets 426 naming echo/1")
    void echoWithoutUpgradeGets426() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            RawConnection.Response response = c.send("GET /echo HTTP/1.1\r\nHost: " + base()
                    + "\r\nConnection: close\r\n\r\n").readResponse();

            assertThat(response.head().statusLine()).isEqualTo(container().statusLine(426));
            assertThat(response.head().values("Upgrade")).containsExactly("echo/1");
        }
    }

    @Test
    @Order(1)
    @DisplayName("WS-09 /ws/echo answers with the subprotocol echo.v1 in its 101")
    void webSocketEchoAgreesEchoV1() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            ResponseHead head = c.send(webSocketHandshake("http://" + base(), "chat, echo.v1")).readHead();

            assertThat(head.statusLine()).isEqualTo(container().statusLine(101));
            assertThat(head.values("Sec-WebSocket-Protocol")).containsExactly("echo.v1");
            assertThat(head.values("Sec-WebSocket-Accept")).containsExactly("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
    }

    @Test
    @Order(1)
    @DisplayName("WS-09 /ws/echo refuses a handshake that does not offer echo.v1 with 400")
    void webSocketEchoRequiresEchoV1() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            assertThat(c.send(webSocketHandshake("http://" + base(), null)).readHead().status()).isEqualTo(400);
        }
    }

    @Test
    @Order(1)
    @DisplayName("WS-11 /ws/echo refuses another origin with 403")
    void webSocketEchoRefusesAnotherOrigin() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", sample.port())) {
            assertThat(c.send(webSocketHandshake("https://evil.example", "echo.v1")).readHead().status()).isEqualTo(403);
        }
    }

    @Test
    @Order(1)
    void theJdkWebSocketClientEchoesOverEchoV1() throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("echo.v1")
                .buildAsync(URI.create("ws://" + base() + "/ws/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        return null;
                    }
                }).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        ws.sendText("hello, WebSocket", true);

        assertThat(echoed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello, WebSocket");
        assertThat(ws.getSubprotocol()).isEqualTo("echo.v1");
        ws.abort();
    }

    @Test
    @Order(1)
    void healthShowsSwitchboardUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + base() + "/actuator/health/switchboard")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{").contains("\"status\":\"UP\"").contains("\"upgradeRequests\"");
    }

    @Test
    @Order(2)
    @DisplayName("WS-14 stopping the application closes an open WebSocket session with 1001, Switchboard's close rather than the server's")
    void stoppingClosesWebSocketSessionsWith1001() throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("echo.v1")
                .buildAsync(URI.create("ws://" + base() + "/ws/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        webSocket.request(1); // and then the close
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }
                }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // An echo means the session is open at the server too, admitted under the endpoint's policy.
        ws.sendText("before the stop", true);
        assertThat(echoed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("before the stop");

        sample.stop();

        // Jetty closes sessions it still holds at its own stop with 1001 too, but with a reason of its own.
        assertThat(closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("1001 The application is stopping");
    }
}
