package dev.switchboard.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.servlet.SwitchboardFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.harness.FilterAnswer;
import dev.switchboard.servlet.harness.FilterHarness;
import dev.switchboard.websocket.internal.Handover;
import jakarta.servlet.ServletException;

/**
 * Broken WebSocket handshakes at the front door as a client sees them, without a container:
 * {@link SwitchboardFilter} finding this module's stage and protocol, each refusal compared
 * byte for byte.
 */
class HandshakeOnTheWireTest {

    private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    private static FilterHarness harness;

    @BeforeAll
    static void start() throws ServletException {
        harness = FilterHarness.of(new SwitchboardFilter()).initParameter(UpgradeOptions.JMX, "false").start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("WS-06 another version gets 426 with Sec-WebSocket-Version: 13",
                        "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n" + KEY
                                + "Sec-WebSocket-Version: 8\r\n\r\n",
                        "HTTP/1.1 426 Upgrade Required\r\nUpgrade: websocket\r\nConnection: upgrade, close\r\n"
                                + "Sec-WebSocket-Version: 13\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                                + "Content-Length: 68\r\n\r\n"
                                + "WebSocket version 8 is not supported; this server speaks version 13\n"),
                Arguments.of("WS-07 a key that is not 16 bytes of base64 gets 400 with a one-line reason",
                        "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                                + "Sec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n",
                        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                                + "Content-Length: 86\r\n\r\n"
                                + "Invalid Sec-WebSocket-Key field: expected 24 base64 characters but was 8 (\"c2hvcnQ=\")\n"),
                Arguments.of("WS-07 a websocket offer without the upgrade connection option gets 400",
                        "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n" + KEY
                                + "Sec-WebSocket-Version: 13\r\n\r\n",
                        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                                + "Content-Length: 76\r\n\r\n"
                                + "Connection does not list the upgrade option (RFC 6455 section 4.2.1 item 4)\n"),
                Arguments.of("WS-01 a websocket offer in HTTP/1.0, which negotiation ignores, gets 400",
                        "GET /chat HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n" + KEY
                                + "Sec-WebSocket-Version: 13\r\n\r\n",
                        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                                + "Content-Length: 83\r\n\r\n"
                                + "A WebSocket handshake needs HTTP/1.1 or later (RFC 6455 section 4.1), not HTTP/1.0\n"));
    }

    @Test
    @DisplayName("a handshake handed on to the container's own WebSocket filter leaves nothing behind on the thread")
    void aDelegatedHandshakeIsForgottenWhenTheChainReturns() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\n" + KEY + "Sec-WebSocket-Version: 13\r\n\r\n");

        assertThat(answer.wasPassedOn()).isTrue();
        assertThat(Handover.current()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theHandshakeIsRefusedBeforeAnyEndpoint(String label, String request, String expected)
            throws IOException, ServletException {
        FilterAnswer answer = harness.send(request);
        assertEquals(expected, answer.wire());
        assertThat(answer.wasPassedOn()).isFalse();
        assertThat(answer.upgrades()).isEmpty();
    }
}
