package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.harness.FilterAnswer;
import dev.switchboard.servlet.harness.FilterHarness;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A {@link RoutedProtocol} in negotiation, without a container: {@link SwitchboardFilter} with
 * {@code echo/1} enabled, the {@code Upgrade} field capped at 64 bytes, one allowed host, and a
 * gateway routed at {@code /gateway/} that answers as its path says, as the tunnel answers as its
 * backend says. Each answer is compared byte for byte.
 */
class RoutedProtocolOnTheWireTest {

    /** What the gateway was asked and told, in order. */
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private static FilterHarness harness;

    @BeforeAll
    static void start() throws ServletException {
        harness = FilterHarness.of(new SwitchboardFilter())
                .initParameter(UpgradeOptions.PROTOCOLS, "echo")
                .initParameter(UpgradeOptions.MAX_UPGRADE_FIELD_LENGTH, "64")
                .initParameter(UpgradeOptions.ALLOWED_HOSTS, "x")
                .initParameter(UpgradeOptions.URL_PATTERNS, "/ws/*")
                .initParameter(UpgradeOptions.JMX, "false")
                .start();
        UpgradeRegistry.of(harness.context()).route(new Gateway());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    @Test
    @DisplayName("a switch names what the gateway switched to and relays every line of its fields in one 101")
    void switchRelaysTheFields() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /gateway/switch HTTP/1.1\r\nHost: x\r\nUpgrade: foo/1, websocket\r\n"
                + "Connection: upgrade\r\n\r\n");
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n",
                answer.wire());
        assertThat(answer.upgrades()).hasSize(1);
        assertThat(EVENTS).containsExactly("decide foo/1 foo/1, websocket");
    }

    @Test
    @DisplayName("an answer other than a switch is written whole by the decision's writer and the connection stays HTTP")
    void respondWritesTheAnswer() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /gateway/answer HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\n\r\n");
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n\r\nabsent\n",
                answer.wire());
        assertThat(answer.wasPassedOn()).isFalse();
        assertThat(answer.upgrades()).isEmpty();
    }

    @Test
    @DisplayName("a refusal by the gateway gets its status, its one-line reason and Connection: close")
    void refusalClosesTheConnection() throws IOException, ServletException {
        assertEquals("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: 16\r\n\r\nBackend is down\n",
                harness.send("GET /gateway/down HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n")
                        .wire());
    }

    @Test
    @DisplayName("WS-15 a Host the context does not serve gets 421 before the gateway is asked, and the gateway is told")
    void misdirectedRequestNeverReachesTheGateway() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /gateway/switch HTTP/1.1\r\nHost: evil.example\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\n\r\n");
        assertThat(answer.head()).startsWith("HTTP/1.1 421 ");
        assertThat(EVENTS).containsExactly("refused host 421");
    }

    @Test
    @DisplayName("an Upgrade field over maxUpgradeFieldLength on a route gets 431 before the gateway is asked")
    void overTheLimitNeverReachesTheGateway() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /gateway/switch HTTP/1.1\r\nHost: x\r\nUpgrade: websocket, "
                + "x".repeat(64) + "\r\nConnection: upgrade\r\n\r\n");
        assertEquals("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 53\r\n\r\n"
                + "Upgrade field is 75 characters long; the limit is 64\n", answer.wire());
        assertThat(EVENTS).hasSize(1).allMatch(e -> e.startsWith("refused ") && e.endsWith(" 431"));
    }

    @Test
    @DisplayName("UPG-04 an HTTP/1.0 request on a route is passed on without asking the gateway")
    void http10IsNotRouted() throws IOException, ServletException {
        assertThat(harness.send("GET /gateway/switch HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n")
                .wasPassedOn()).isTrue();
        assertThat(EVENTS).isEmpty();
    }

    @Test
    @DisplayName("UPG-03 a request on a route without the upgrade connection option is passed on without asking the gateway")
    void noUpgradeOptionIsNotRouted() throws IOException, ServletException {
        assertThat(harness.send("GET /gateway/switch HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: close\r\n\r\n")
                .wasPassedOn()).isTrue();
        assertThat(EVENTS).isEmpty();
    }

    @Test
    @DisplayName("a request the gateway declines goes on to the token walk outside switchboard.urlPatterns: passed on")
    void declinedOutsideThePatternsIsPassedOn() throws IOException, ServletException {
        assertThat(harness.send("GET /gateway/decline HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n")
                .wasPassedOn()).isTrue();
        assertThat(EVENTS).containsExactly("decide echo/1 echo/1");
    }

    @Test
    @DisplayName("a request on no route is negotiated by token as before, and the gateway is not asked")
    void otherPathsAreNegotiatedByToken() throws IOException, ServletException {
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n",
                harness.send("GET /ws/a HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n").wire());
        assertThat(EVENTS).isEmpty();
    }

    @Test
    @DisplayName("a switch to a protocol the client did not offer is the gateway's bug, and what it held is released")
    void switchToAnUnofferedProtocolIsAbandoned() {
        assertThatThrownBy(() -> harness.send("GET /gateway/wrong HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\n\r\n")).isInstanceOf(IllegalStateException.class);
        assertThat(EVENTS).containsExactly("decide websocket websocket", "abandoned");
    }

    /** Answers as the last segment of its path says. */
    private static final class Gateway implements RoutedProtocol {

        @Override
        public boolean claims(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/gateway/");
        }

        @Override
        public String name() {
            return "gateway";
        }

        @Override
        public void refusedAtTheDoor(String kind, HttpStatusException error) {
            EVENTS.add("refused " + kind + " " + error.status());
        }

        @Override
        public Decision decide(UpgradeRequest request) {
            EVENTS.add("decide " + request.offered() + " " + request.upgrade().toHeaderValue());
            return switch (request.servletRequest().getRequestURI().substring("/gateway/".length())) {
                case "switch" -> Decision.switchTo(connection -> data -> { })
                        .withUpgrade(ProtocolToken.parse("websocket"))
                        .addField("Set-Cookie", "a=1")
                        .addField("Set-Cookie", "b=2")
                        .withField("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                        .withContentRead();
                case "answer" -> Decision.respond(response -> {
                    byte[] body = "absent\n".getBytes(StandardCharsets.US_ASCII);
                    response.setStatus(404);
                    response.setContentType("text/plain");
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                });
                case "down" -> Decision.refuse(502, "Backend is down");
                case "wrong" -> Decision.switchTo(connection -> data -> { })
                        .withUpgrade(ProtocolToken.parse("h2c"))
                        .onAbandon(() -> EVENTS.add("abandoned"));
                default -> Decision.decline("not a gateway path");
            };
        }
    }
}
