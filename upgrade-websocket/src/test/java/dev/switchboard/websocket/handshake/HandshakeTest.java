package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.http.Origin;

class HandshakeTest {

    private static final HandshakeLimits LIMITS = new HandshakeLimits(256, 4);

    @Test
    @DisplayName("WS-05 a valid handshake is read into its key, host, origin, subprotocols and extensions")
    void validHandshakeIsRead() {
        Handshake h = Handshake.read(TestHead.handshake()
                .field("Origin", "https://example.com")
                .field("Sec-WebSocket-Protocol", "chat.v2, chat.v1")
                .field("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"), LIMITS);
        assertThat(h.key().value()).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
        assertThat(h.host()).isEqualTo("example.com");
        assertThat(h.origin()).isEqualTo(Origin.parse("https://example.com"));
        assertThat(h.subprotocols().offered()).containsExactly("chat.v2", "chat.v1");
        assertThat(h.extensions().list()).hasSize(1);
    }

    @Test
    @DisplayName("WS-03 websocket is recognised in Upgrade whatever its case, among other offers")
    void upgradeTokenIsCaseInsensitive() {
        Handshake h = Handshake.read(TestHead.handshake().set("Upgrade", "foo/2, WebSocket"), LIMITS);
        assertThat(h.key()).isNotNull();
    }

    @Test
    @DisplayName("WS-04 the upgrade option is recognised in Connection whatever its case, among other options")
    void connectionOptionIsCaseInsensitive() {
        Handshake h = Handshake.read(TestHead.handshake().set("Connection", "keep-alive").field("Connection", "UPGRADE"),
                LIMITS);
        assertThat(h.key()).isNotNull();
    }

    @Test
    @DisplayName("WS-06 a handshake without a version gets 426 with Upgrade, Connection and Sec-WebSocket-Version: 13")
    void missingVersionGets426() {
        assertThatThrownBy(() -> Handshake.read(TestHead.handshake().without("Sec-WebSocket-Version"), LIMITS))
                .isInstanceOfSatisfying(HandshakeException.class, e -> {
                    assertThat(e.status()).isEqualTo(426);
                    assertThat(e.fields()).containsExactly(
                            java.util.Map.entry("Upgrade", "websocket"),
                            java.util.Map.entry("Connection", "upgrade"),
                            java.util.Map.entry("Sec-WebSocket-Version", "13"));
                    assertThat(e.kind()).isEqualTo("unsupported-version");
                });
    }

    private static void assertRefused(UnaryOperator<TestHead> change, int status, String reason) {
        assertThatThrownBy(() -> Handshake.read(change.apply(TestHead.handshake()), LIMITS))
                .isInstanceOfSatisfying(HandshakeException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    private static Stream<Arguments> refusals(String id) {
        return refusals().filter(a -> ((String) a.get()[0]).startsWith(id + " "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws01")
    @DisplayName("WS-01 a handshake that is not a GET over HTTP/1.1 without content gets 400")
    void refusedAsWs01(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws01() {
        return refusals("WS-01");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws02")
    @DisplayName("WS-02 a handshake without exactly one valid Host gets 400")
    void refusedAsWs02(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws02() {
        return refusals("WS-02");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws03")
    @DisplayName("WS-03 a handshake whose Upgrade lacks websocket gets 400")
    void refusedAsWs03(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws03() {
        return refusals("WS-03");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws04")
    @DisplayName("WS-04 a handshake whose Connection lacks upgrade gets 400")
    void refusedAsWs04(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws04() {
        return refusals("WS-04");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws05")
    @DisplayName("WS-05 a handshake without a key gets 400")
    void refusedAsWs05(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws05() {
        return refusals("WS-05");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws06")
    @DisplayName("WS-06 another version gets 426")
    void refusedAsWs06(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws06() {
        return refusals("WS-06");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws07")
    @DisplayName("WS-07 malformed version, origin or subprotocol fields get 400, oversized ones 431")
    void refusedAsWs07(String name, UnaryOperator<TestHead> change, int status, String reason) {
        assertRefused(change, status, reason);
    }

    static Stream<Arguments> ws07() {
        return refusals("WS-07");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("WS-01 a POST handshake gets 400", h -> h.method("POST"), 400,
                        "A WebSocket handshake is a GET request (RFC 6455 section 4.1), not POST"),
                row("WS-01 an HTTP/1.0 handshake gets 400", h -> h.protocol("HTTP/1.0"), 400,
                        "A WebSocket handshake needs HTTP/1.1 or later (RFC 6455 section 4.1), not HTTP/1.0"),
                row("WS-01 a handshake with content gets 400", h -> h.contentLength(5), 400,
                        "A WebSocket handshake carries no content"),
                row("WS-02 a handshake without Host gets 400", h -> h.without("Host"), 400,
                        "expected one Host field but was 0 (RFC 6455 section 4.2.1 item 2)"),
                row("WS-02 a handshake with two Host fields gets 400", h -> h.field("Host", "other.example"), 400,
                        "expected one Host field but was 2 (RFC 6455 section 4.2.1 item 2)"),
                row("WS-02 a handshake with an empty Host gets 400", h -> h.set("Host", ""), 400,
                        "Host \"\" is not host [\":\" port]"),
                row("WS-03 a handshake whose Upgrade lacks websocket gets 400", h -> h.set("Upgrade", "websocket/13"),
                        400, "Upgrade does not offer websocket (RFC 6455 section 4.2.1 item 3)"),
                row("WS-04 a handshake with Connection: keep-alive only gets 400",
                        h -> h.set("Connection", "keep-alive"), 400,
                        "Connection does not list the upgrade option (RFC 6455 section 4.2.1 item 4)"),
                row("WS-05 a handshake without a key gets 400", h -> h.without("Sec-WebSocket-Key"), 400,
                        "Invalid Sec-WebSocket-Key field: the field is missing"),
                row("WS-06 version 8 gets 426", h -> h.set("Sec-WebSocket-Version", "8"), 426,
                        "WebSocket version 8 is not supported; this server speaks version 13"),
                row("WS-06 version 14 gets 426", h -> h.set("Sec-WebSocket-Version", "14"), 426,
                        "WebSocket version 14 is not supported; this server speaks version 13"),
                row("WS-07 a version that is not a number gets 400", h -> h.set("Sec-WebSocket-Version", "13a"), 400,
                        "Invalid Sec-WebSocket-Version field: expected a number from 0 to 255 but was \"13a\""),
                row("WS-07 a version list gets 400", h -> h.set("Sec-WebSocket-Version", "13, 8"), 400,
                        "Invalid Sec-WebSocket-Version field: expected a number from 0 to 255 but was \"13, 8\""),
                row("WS-07 a version with a leading zero gets 400", h -> h.set("Sec-WebSocket-Version", "013"), 400,
                        "Invalid Sec-WebSocket-Version field: expected a number from 0 to 255 but was \"013\""),
                row("WS-07 two version fields get 400", h -> h.field("Sec-WebSocket-Version", "13"), 400,
                        "expected one Sec-WebSocket-Version field but was 2"),
                row("WS-07 two Origin fields get 400",
                        h -> h.field("Origin", "https://a.example").field("Origin", "https://b.example"), 400,
                        "expected at most one Origin field but was 2 (RFC 6454 section 7.3)"),
                row("WS-07 an Origin with a path gets 400", h -> h.field("Origin", "https://a.example/"), 400,
                        "Invalid Origin field: expected host [\":\" port] after the scheme, with no path in \"https://a.example/\""),
                row("WS-07 a repeated subprotocol gets 400", h -> h.field("Sec-WebSocket-Protocol", "a, a"), 400,
                        "Invalid Sec-WebSocket-Protocol field: subprotocol \"a\" is offered twice"),
                row("WS-07 an oversized Sec-WebSocket-Extensions gets 431",
                        h -> h.field("Sec-WebSocket-Extensions", "x".repeat(257)), 431,
                        "Sec-WebSocket-Extensions is 257 characters long; the limit is 256"),
                row("WS-07 more extension offers than allowed get 431",
                        h -> h.field("Sec-WebSocket-Extensions", "a, b, c, d, e"), 431,
                        "Sec-WebSocket-Extensions lists 5 elements; the limit is 4"),
                row("WS-07 more subprotocols than allowed get 431",
                        h -> h.field("Sec-WebSocket-Protocol", "a, b, c, d, e"), 431,
                        "Sec-WebSocket-Protocol lists 5 elements; the limit is 4"));
    }

    private static Arguments row(String name, UnaryOperator<TestHead> change, int status, String reason) {
        return Arguments.of(name, change, status, reason);
    }
}
