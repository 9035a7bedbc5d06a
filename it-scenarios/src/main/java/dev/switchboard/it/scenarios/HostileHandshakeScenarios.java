package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketRequest;

/**
 * Malformed and hostile WebSocket handshakes, one per row, each answered with its documented
 * 4xx: never a 101, never a 5xx, and a complete response. Where Switchboard answers, the exact
 * one-line reason is checked; the few rows the container refuses before any filter runs
 * (missing or repeated {@code Host}, a head over the container's size limit) are marked
 * "(container)" and checked by status. Deploy {@code WebSocketDeployments.app(...)}.
 */
public abstract class HostileHandshakeScenarios {

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("WS-07 the table holds at least 40 malformed or hostile handshakes, each checked under its ID")
    void theTableIsComplete() {
        List<String> ids = List.of("WS-01", "WS-02", "WS-03", "WS-04", "WS-05", "WS-06", "WS-07", "WS-09", "WS-10",
                "WS-11", "WS-13");
        List<String> names = rows().map(a -> (String) a.get()[0]).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(ids).contains(n.substring(0, 5)));
    }

    /** The reason of the WS-04 rows whose {@code Connection} lacks the upgrade option. */
    private static final String NO_UPGRADE_OPTION = "Connection does not list the upgrade option (RFC 6455 section 4.2.1 item 4)";

    /** The status of a row the container answers itself because the head is over its size limit. */
    private static final int CONTAINER_HEAD_LIMIT = -1;

    /** Sends the row's handshake and checks its answer: a complete 4xx, never a 101 or a 5xx. */
    private void check(String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        if (status == CONTAINER_HEAD_LIMIT) {
            status = server().container().headTooLargeStatus();
        }
        if (NO_UPGRADE_OPTION.equals(reason) && server().container().refusesUpgradeWithoutConnectionOption()) {
            reason = null; // the container's own 400, before any filter runs
        }
        WebSocketRequest request = change.apply(WebSocketRequest.to(server(), path));
        RawConnection.Response r;
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(request.text());
            r = c.readResponse();
        }
        assertThat(r.status()).as("a 4xx, never a 101 or a 5xx").isBetween(400, 499);
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(status));
        if (reason != null) {
            assertThat(r.bodyText()).isEqualTo(reason.replace("{host}", server().host()) + "\n");
        }
        if (status == 426) {
            assertThat(r.head().values("Sec-WebSocket-Version")).containsExactly("13");
            assertThat(r.head().values("Upgrade")).containsExactly("websocket");
        }
        if (status == 401) {
            assertThat(r.head().values("WWW-Authenticate")).containsExactly("Bearer realm=\"switchboard-test\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws01")
    @DisplayName("WS-01 a handshake that is not a GET over HTTP/1.1 without content gets 400")
    void refusedAsWs01(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws01() {
        return rows("WS-01");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws02")
    @DisplayName("WS-02 a handshake without exactly one Host gets 400")
    void refusedAsWs02(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws02() {
        return rows("WS-02");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws03")
    @DisplayName("WS-03 a malformed or oversized Upgrade field gets 400 or 431")
    void refusedAsWs03(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws03() {
        return rows("WS-03");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws04")
    @DisplayName("WS-04 a handshake whose Connection lacks the upgrade option gets 400")
    void refusedAsWs04(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws04() {
        return rows("WS-04");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws05")
    @DisplayName("WS-05 a handshake without exactly one 16-byte base64 key gets 400")
    void refusedAsWs05(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws05() {
        return rows("WS-05");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws06")
    @DisplayName("WS-06 a handshake of another version gets 426 with Sec-WebSocket-Version: 13")
    void refusedAsWs06(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws06() {
        return rows("WS-06");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws07")
    @DisplayName("WS-07 a malformed version, oversized fields or too many offers get 400 or 431")
    void refusedAsWs07(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws07() {
        return rows("WS-07");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws09")
    @DisplayName("WS-09 a malformed subprotocol offer, or none agreed where one is required, gets 400")
    void refusedAsWs09(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws09() {
        return rows("WS-09");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws10")
    @DisplayName("WS-10 a malformed extension offer gets 400")
    void refusedAsWs10(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws10() {
        return rows("WS-10");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws11")
    @DisplayName("WS-11 an origin the policy does not allow gets 403, a malformed one 400")
    void refusedAsWs11(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws11() {
        return rows("WS-11");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ws13")
    @DisplayName("WS-13 a handshake the authorizer refuses gets 401 or 403")
    void refusedAsWs13(String name, String path, UnaryOperator<WebSocketRequest> change, int status, String reason) throws Exception {
        check(path, change, status, reason);
    }

    static Stream<Arguments> ws13() {
        return rows("WS-13");
    }

    private static Arguments row(String name, String path, UnaryOperator<WebSocketRequest> change, int status,
            String reason) {
        return Arguments.of(name, path, change, status, reason);
    }

    private static Arguments echo(String name, UnaryOperator<WebSocketRequest> change, int status, String reason) {
        return row(name, "p/echo", change, status, reason);
    }

    /** The rows labelled {@code id}. */
    private static Stream<Arguments> rows(String id) {
        return rows().filter(a -> ((String) a.get()[0]).startsWith(id + " "));
    }

    static Stream<Arguments> rows() {
        String notGet = "A WebSocket handshake is a GET request (RFC 6455 section 4.1), not ";
        String badKey = "Invalid Sec-WebSocket-Key field: ";
        String badVersion = "Invalid Sec-WebSocket-Version field: expected a number from 0 to 255 but was ";
        String badExtensions = "Invalid Sec-WebSocket-Extensions field: ";
        String badProtocol = "Invalid Sec-WebSocket-Protocol field: ";
        String notOurs = " is not allowed: it is not this server's origin (http://{host}) and not on the allow-list";
        String big = "x".repeat(5000);
        return Stream.of(
                echo("WS-01 POST gets 400", r -> r.method("POST"), 400, notGet + "POST"),
                echo("WS-01 PUT gets 400", r -> r.method("PUT"), 400, notGet + "PUT"),
                echo("WS-01 DELETE gets 400", r -> r.method("DELETE"), 400, notGet + "DELETE"),
                echo("WS-01 OPTIONS gets 400", r -> r.method("OPTIONS"), 400, notGet + "OPTIONS"),
                echo("WS-01 HTTP/1.0 gets 400", r -> r.version("HTTP/1.0"), 400,
                        "A WebSocket handshake needs HTTP/1.1 or later (RFC 6455 section 4.1), not HTTP/1.0"),
                echo("WS-01 a GET with Content-Length content gets 400", r -> r.content("hello"), 400,
                        "A WebSocket handshake carries no content"),
                echo("WS-01 a GET with chunked content gets 400",
                        r -> r.field("Transfer-Encoding", "chunked").rawContent("5\r\nhello\r\n0\r\n\r\n"), 400,
                        "A WebSocket handshake carries no content"),
                echo("WS-02 no Host gets 400 (container)", r -> r.without("Host"), 400, null),
                echo("WS-02 two Host fields get 400 (container)", r -> r.field("Host", "evil.example"), 400, null),
                echo("WS-03 a malformed Upgrade field gets 400", r -> r.set("Upgrade", "websocket/"), 400,
                        "Invalid Upgrade field: expected token but was end of field at offset 10"),
                echo("WS-03 an Upgrade field of commas only gets 400", r -> r.set("Upgrade", ", ,"), 400,
                        "Invalid Upgrade field: expected at least one element but the list was empty"),
                echo("WS-03 an oversized Upgrade field gets 431", r -> r.set("Upgrade", "websocket, " + "a,".repeat(600)),
                        431, "Upgrade field is 1211 characters long; the limit is 1024"),
                echo("WS-04 Connection: keep-alive only gets 400", r -> r.set("Connection", "keep-alive"), 400,
                        NO_UPGRADE_OPTION),
                echo("WS-04 no Connection field gets 400", r -> r.without("Connection"), 400,
                        NO_UPGRADE_OPTION),
                echo("WS-04 Connection: upgrade-please gets 400", r -> r.set("Connection", "upgrade-please"), 400,
                        NO_UPGRADE_OPTION),
                echo("WS-04 a quoted Connection option gets 400", r -> r.set("Connection", "\"upgrade\""), 400,
                        "Invalid Connection field: expected token but was '\"' at offset 0"),
                echo("WS-05 no key gets 400", r -> r.without("Sec-WebSocket-Key"), 400, badKey + "the field is missing"),
                echo("WS-05 an empty key gets 400", r -> r.set("Sec-WebSocket-Key", ""), 400,
                        badKey + "expected 24 base64 characters but was 0 (\"\")"),
                echo("WS-05 a key of 20 characters gets 400", r -> r.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25j"), 400,
                        badKey + "expected 24 base64 characters but was 20 (\"dGhlIHNhbXBsZSBub25j\")"),
                echo("WS-05 a key of 28 characters gets 400", r -> r.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZSEhIQ=="),
                        400, badKey + "expected 24 base64 characters but was 28 (\"dGhlIHNhbXBsZSBub25jZSEhIQ==\")"),
                echo("WS-05 a key of 24 characters that decodes to 18 bytes gets 400",
                        r -> r.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZSEh"), 400,
                        badKey + "expected base64 of 16 bytes but it decodes to 18"),
                echo("WS-05 a key with a character outside base64 gets 400",
                        r -> r.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=!"), 400,
                        badKey + "\"dGhlIHNhbXBsZSBub25jZQ=!\" is not base64"),
                echo("WS-05 a key with non-zero padding bits gets 400",
                        r -> r.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZR=="), 400,
                        badKey + "\"dGhlIHNhbXBsZSBub25jZR==\" is not canonical base64 (non-zero padding bits)"),
                echo("WS-05 two keys in one field gets 400",
                        r -> r.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==, AAAAAAAAAAAAAAAAAAAAAA=="), 400,
                        badKey + "expected 24 base64 characters but was 50 (\"dGhlIHNhbXBsZSBub25jZQ==, AAAAAAAAAAAAAAAAAAAAAA==\")"),
                echo("WS-05 two key fields get 400", r -> r.field("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA=="), 400,
                        badKey + "expected one field line but was 2"),
                echo("WS-06 version 8 gets 426", r -> r.set("Sec-WebSocket-Version", "8"), 426,
                        "WebSocket version 8 is not supported; this server speaks version 13"),
                echo("WS-06 version 0 gets 426", r -> r.set("Sec-WebSocket-Version", "0"), 426,
                        "WebSocket version 0 is not supported; this server speaks version 13"),
                echo("WS-06 version 255 gets 426", r -> r.set("Sec-WebSocket-Version", "255"), 426,
                        "WebSocket version 255 is not supported; this server speaks version 13"),
                echo("WS-06 no version gets 426", r -> r.without("Sec-WebSocket-Version"), 426,
                        "Sec-WebSocket-Version is missing; this server speaks version 13"),
                echo("WS-07 a version list gets 400", r -> r.set("Sec-WebSocket-Version", "13, 8"), 400,
                        badVersion + "\"13, 8\""),
                echo("WS-07 a version that is no number gets 400", r -> r.set("Sec-WebSocket-Version", "thirteen"), 400,
                        badVersion + "\"thirteen\""),
                echo("WS-07 version 256 gets 400", r -> r.set("Sec-WebSocket-Version", "256"), 400, badVersion + "\"256\""),
                echo("WS-07 version -13 gets 400", r -> r.set("Sec-WebSocket-Version", "-13"), 400, badVersion + "\"-13\""),
                echo("WS-07 two version fields get 400", r -> r.field("Sec-WebSocket-Version", "13"), 400,
                        "expected one Sec-WebSocket-Version field but was 2"),
                echo("WS-10 an extension parameter quoting a non-token gets 400",
                        r -> r.field("Sec-WebSocket-Extensions", "permessage-deflate; x=\"a b\""), 400,
                        badExtensions + "the quoted value of parameter \"x\" at offset 22 is not a token once unquoted "
                                + "(RFC 6455 section 9.1)"),
                echo("WS-10 an extension parameter quoting a comma gets 400",
                        r -> r.field("Sec-WebSocket-Extensions", "permessage-deflate; x=\"a,b\""), 400,
                        badExtensions + "the quoted value of parameter \"x\" at offset 22 is not a token once unquoted "
                                + "(RFC 6455 section 9.1)"),
                echo("WS-10 an extension parameter without a name gets 400",
                        r -> r.field("Sec-WebSocket-Extensions", "permessage-deflate; =15"), 400,
                        badExtensions + "expected token but was '=' at offset 20"),
                echo("WS-10 a trailing semicolon gets 400",
                        r -> r.field("Sec-WebSocket-Extensions", "permessage-deflate;"), 400,
                        badExtensions + "expected token but was end of field at offset 19"),
                echo("WS-10 an unterminated quoted value gets 400",
                        r -> r.field("Sec-WebSocket-Extensions", "permessage-deflate; x=\"15"), 400,
                        badExtensions + "expected '\"' but was end of field at offset 25"),
                echo("WS-10 a lone semicolon gets 400", r -> r.field("Sec-WebSocket-Extensions", ";"), 400,
                        badExtensions + "expected token but was ';' at offset 0"),
                echo("WS-09 a repeated subprotocol gets 400",
                        r -> r.field("Sec-WebSocket-Protocol", "chat.v2, chat.v2"), 400,
                        badProtocol + "subprotocol \"chat.v2\" is offered twice"),
                echo("WS-09 a quoted subprotocol gets 400", r -> r.field("Sec-WebSocket-Protocol", "\"chat.v2\""), 400,
                        badProtocol + "expected token but was '\"' at offset 0"),
                echo("WS-09 a subprotocol with a space gets 400", r -> r.field("Sec-WebSocket-Protocol", "chat v2"), 400,
                        badProtocol + "expected ',' but was 'v' at offset 5"),
                row("WS-09 no subprotocol where one is required gets 400", "p/required", r -> r, 400,
                        "This endpoint requires a subprotocol, but no subprotocol was offered; supported: [chat.v2]"),
                row("WS-09 only unsupported subprotocols where one is required gets 400", "p/required",
                        r -> r.field("Sec-WebSocket-Protocol", "chat.v1, mqtt"), 400,
                        "This endpoint requires a subprotocol, but none of the offered subprotocols [chat.v1, mqtt] is "
                                + "supported; supported: [chat.v2]"),
                echo("WS-11 a cross-site origin gets 403", r -> r.field("Origin", "https://evil.example"), 403, "Origin https://evil.example" + notOurs),
                echo("WS-11 Origin: null gets 403", r -> r.field("Origin", "null"), 403,
                        "Origin null (a sandboxed page or a file: URL) is not allowed"),
                echo("WS-11 an allowed origin with a longer host gets 403",
                        r -> r.field("Origin", "https://allowed.example.evil.org"), 403, "Origin https://allowed.example.evil.org" + notOurs),
                echo("WS-11 a host that only ends like the allowed pattern gets 403",
                        r -> r.field("Origin", "https://eviltrusted.example"), 403, "Origin https://eviltrusted.example" + notOurs),
                echo("WS-11 the server's host on another port gets 403", r -> r.field("Origin", "http://127.0.0.1:1"),
                        403, "Origin http://127.0.0.1:1" + notOurs),
                echo("WS-11 the server's host with https over cleartext gets 403",
                        r -> r.field("Origin", "https://" + r.host()), 403, "Origin https://{host}" + notOurs),
                echo("WS-11 X-Forwarded-Host from an untrusted peer does not make an origin its own",
                        r -> r.field("X-Forwarded-Host", "evil.example").field("Origin", "http://evil.example"), 403,
                        "Origin http://evil.example" + notOurs),
                echo("WS-11 an Origin with a path gets 400", r -> r.field("Origin", "https://allowed.example/"), 400,
                        "Invalid Origin field: expected host [\":\" port] after the scheme, with no path in "
                                + "\"https://allowed.example/\""),
                echo("WS-11 two Origin fields get 400",
                        r -> r.field("Origin", "https://allowed.example").field("Origin", "https://evil.example"), 400,
                        "expected at most one Origin field but was 2 (RFC 6454 section 7.3)"),
                echo("WS-07 an oversized Sec-WebSocket-Extensions gets 431",
                        r -> r.field("Sec-WebSocket-Extensions", big), 431,
                        "Sec-WebSocket-Extensions is 5000 characters long; the limit is 4096"),
                echo("WS-07 an oversized Sec-WebSocket-Protocol gets 431", r -> r.field("Sec-WebSocket-Protocol", big),
                        431, "Sec-WebSocket-Protocol is 5000 characters long; the limit is 4096"),
                echo("WS-07 an oversized Origin gets 431", r -> r.field("Origin", "https://" + big), 431,
                        "Origin is 5008 characters long; the limit is 4096"),
                echo("WS-07 40 subprotocols get 431", r -> r.field("Sec-WebSocket-Protocol", list("p", 40)), 431,
                        "Sec-WebSocket-Protocol lists 40 elements; the limit is 32"),
                echo("WS-07 40 extension offers get 431", r -> r.field("Sec-WebSocket-Extensions", list("x", 40)), 431,
                        "Sec-WebSocket-Extensions lists 40 elements; the limit is 32"),
                echo("WS-07 a head over the container's size limit gets 400 or 431 (container)",
                        r -> r.field("X-Padding", "y".repeat(20_000)), CONTAINER_HEAD_LIMIT, null),
                row("WS-13 no credentials get 401 with a challenge", "p/auth", r -> r, 401, "A token is required"),
                row("WS-13 a wrong token gets 403", "p/auth?token=bad", r -> r, 403, "This token may not open this endpoint"),
                row("WS-13 a room the path parameter closes gets 403", "p/rooms/secret", r -> r, 403,
                        "Room secret is closed"));
    }

    private static String list(String prefix, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append(prefix).append(i);
        }
        return out.toString();
    }
}
