package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.HttpStatusException;

/** The bridge's request parser: what reaches the container, byte for byte, and what is refused. */
class RequestRelayTest {

    private static final String HOST = "example.com:8080";

    /** The application is at /app; /app/nested is another application that the container maps separately. */
    private static final BridgeRules RULES = new BridgeRules("/app", HOST,
            path -> path.startsWith("/app") && !path.startsWith("/app/nested"));

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN_LINE = "Switchboard-Bridge: " + TOKEN + "\r\n";

    private record Result(String forwarded, HttpStatusException refusal) {
    }

    /** {@code head} as the container receives it: the connection's token added last. */
    private static String withToken(String head) {
        return head.substring(0, head.length() - 2) + TOKEN_LINE + "\r\n";
    }

    private static Result relay(String input) {
        return relay(input, Integer.MAX_VALUE);
    }

    private static Result relay(String input, int pieceSize) {
        RequestRelay relay = new RequestRelay(RULES, TOKEN, 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        HttpStatusException refusal = null;
        for (int i = 0; i < bytes.length && refusal == null; i += pieceSize) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, i, Math.min(pieceSize, bytes.length - i));
            refusal = relay.feed(piece, data -> {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                out.writeBytes(b);
            });
        }
        return new Result(out.toString(StandardCharsets.ISO_8859_1), refusal);
    }

    private static String get(String target, String fields) {
        return "GET " + target + " HTTP/1.1\r\nHost: " + HOST + "\r\n" + fields + "\r\n";
    }

    @Test
    void aCanonicalRequestPassesUnchanged() {
        String request = get("/app/page?q=1", "Accept: */*\r\n");
        assertThat(relay(request).forwarded()).isEqualTo(withToken(request));
    }

    @Test
    void theSameBytesComeOutWhenTheInputArrivesOneByteAtATime() {
        String request = "POST /app/a HTTP/1.1\r\nHost: " + HOST + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n" + get("/app/b", "");
        assertThat(relay(request, 1)).isEqualTo(relay(request));
    }

    @Test
    void emptyLinesBeforeARequestLineAreIgnored() {
        assertThat(relay("\r\n\r\n" + get("/app/", "")).forwarded()).isEqualTo(withToken(get("/app/", "")));
    }

    @Test
    void lineFeedsWithoutCarriageReturnsAreWrittenAsCrlf() {
        assertThat(relay("GET /app/ HTTP/1.1\nHost: " + HOST + "\nA: b\n\n").forwarded())
                .isEqualTo(withToken(get("/app/", "A: b\r\n")));
    }

    @Test
    void whitespaceAroundFieldValuesIsRemoved() {
        assertThat(relay(get("/app/", "A: \t b c \t\r\n")).forwarded()).isEqualTo(withToken(get("/app/", "A: b c\r\n")));
    }

    @Test
    void upgradeAndTheUpgradeConnectionOptionAreRemoved() {
        assertThat(relay(get("/app/", "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n")).forwarded())
                .isEqualTo(withToken(get("/app/", "Connection: keep-alive\r\n")));
    }

    @Test
    void aConnectionFieldWithOnlyUpgradeIsRemoved() {
        assertThat(relay(get("/app/", "Connection: upgrade\r\n")).forwarded()).isEqualTo(withToken(get("/app/", "")));
    }

    @Test
    void forwardingFieldsAreRemoved() {
        String fields = "Forwarded: for=1.2.3.4;proto=https\r\nX-Forwarded-For: 1.2.3.4\r\nX-Forwarded-Proto: https\r\n"
                + "x-forwarded-host: evil\r\nX-Real-IP: 1.2.3.4\r\nKept: yes\r\n";
        assertThat(relay(get("/app/", fields)).forwarded()).isEqualTo(withToken(get("/app/", "Kept: yes\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("TLS-14 a field that asserts the client's address, scheme or certificate never reaches the container")
    @CsvSource(delimiter = '|', textBlock = """
            TLS-14 True-Client-IP            | True-Client-IP: 203.0.113.9
            TLS-14 CF-Connecting-IP          | CF-Connecting-IP: 203.0.113.9
            TLS-14 X-Client-IP               | X-Client-IP: 203.0.113.9
            TLS-14 X-Cluster-Client-IP       | X-Cluster-Client-IP: 203.0.113.9
            TLS-14 Fastly-Client-IP          | Fastly-Client-IP: 203.0.113.9
            TLS-14 WL-Proxy-Client-IP        | WL-Proxy-Client-IP: 203.0.113.9
            TLS-14 X-SSL-Client-Cert         | X-SSL-Client-Cert: MIIB
            TLS-14 X-SSL-Cipher              | X-SSL-Cipher: NULL
            TLS-14 ssl_client_cert           | ssl_client_cert: MIIB
            TLS-14 SSL-Client-Cert           | SSL-Client-Cert: MIIB
            TLS-14 ssl_cipher                | ssl_cipher: NULL
            TLS-14 Client-Cert (RFC 9440)    | Client-Cert: :MIIB:
            TLS-14 X-Client-Cert             | X-Client-Cert: MIIB
            TLS-14 X-ARR-ClientCert          | X-ARR-ClientCert: MIIB
            TLS-14 Proxy-auth-cert (Jetty)   | Proxy-auth-cert: MIIB
            TLS-14 X-Proxied-Https (Jetty)   | X-Proxied-Https: on
            TLS-14 Front-End-Https           | Front-End-Https: on
            TLS-14 X-Url-Scheme              | X-Url-Scheme: https
            TLS-14 X-Forwarded-Ssl           | X-Forwarded-Ssl: on
            TLS-14 x_forwarded_for           | x_forwarded_for: 203.0.113.9
            """)
    void identityFieldsAreRemoved(String label, String field) {
        assertThat(relay(get("/app/", field + "\r\nKept: yes\r\n")).forwarded()).as(label)
                .isEqualTo(withToken(get("/app/", "Kept: yes\r\n")));
    }

    @Test
    @DisplayName("TLS-14 the fields the container's configuration reads are removed too, whatever they are named")
    void configuredIdentityFieldsAreRemoved() {
        BridgeRules rules = new BridgeRules("/app", HOST, path -> true, IdentityFields.with(List.of("X-Custom-Client-IP")));
        RequestRelay relay = new RequestRelay(rules, TOKEN, 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        relay.feed(ByteBuffer.wrap(get("/app/", "x-custom-client-ip: 203.0.113.9\r\nKept: yes\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), data -> {
                    byte[] b = new byte[data.remaining()];
                    data.get(b);
                    out.writeBytes(b);
                });
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(withToken(get("/app/", "Kept: yes\r\n")));
    }

    @Test
    void aTokenFieldSentByTheClientIsReplacedByTheConnectionsOwn() {
        String forged = get("/app/", "Switchboard-Bridge: 00000000000000000000000000000000\r\nswitchboard-bridge: x\r\n");
        assertThat(relay(forged).forwarded()).isEqualTo(withToken(get("/app/", "")));
    }

    @Test
    void contentWithContentLengthPassesAndTheNextRequestIsReadAfterIt() {
        String smuggled = "GET /manager/html HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n";
        String head = "POST /app/a HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Length: " + smuggled.length() + "\r\n\r\n";
        Result r = relay(head + smuggled + get("/app/b", ""));
        assertThat(r.refusal()).isNull();
        assertThat(r.forwarded()).isEqualTo(withToken(head) + smuggled + withToken(get("/app/b", "")));
    }

    @Test
    void repeatedEqualContentLengthsBecomeOne() {
        Result r = relay("POST /app/a HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok");
        assertThat(r.forwarded()).isEqualTo("POST /app/a HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Length: 2\r\n" + TOKEN_LINE
                + "\r\nok");
    }

    @Test
    void chunkedContentIsRechunkedWithoutExtensionsOrTrailers() {
        Result r = relay("POST /app/a HTTP/1.1\r\nHost: " + HOST + "\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "A;name=\"v\"\r\n0123456789\r\n03 ;x\r\nabc\r\n0\r\nChecksum: 1\r\n\r\n");
        assertThat(r.refusal()).isNull();
        assertThat(r.forwarded()).isEqualTo("POST /app/a HTTP/1.1\r\nHost: " + HOST + "\r\nTransfer-Encoding: chunked\r\n"
                + TOKEN_LINE + "\r\na\r\n0123456789\r\n3\r\nabc\r\n0\r\n\r\n");
    }

    @Test
    void anHttp10RequestWithoutHostGetsTheConnectionsHost() {
        assertThat(relay("GET /app/ HTTP/1.0\r\n\r\n").forwarded())
                .isEqualTo("GET /app/ HTTP/1.0\r\nHost: " + HOST + "\r\n" + TOKEN_LINE + "\r\n");
    }

    @Test
    void anAbsoluteFormTargetForTheConnectionsHostBecomesOriginForm() {
        assertThat(relay("GET http://EXAMPLE.com:8080/app/x?y HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n").forwarded())
                .isEqualTo(withToken(get("/app/x?y", "")));
    }

    @Test
    void optionsStarPasses() {
        assertThat(relay("OPTIONS * HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n").refusal()).isNull();
    }

    @Test
    void percentEncodedUtf8InThePathPasses() {
        assertThat(relay(get("/app/caf%C3%A9", "")).refusal()).isNull();
    }

    @Test
    void afterARefusalNothingMoreIsPassedOn() {
        Result r = relay(get("/other/", "") + get("/app/", ""));
        assertThat(r.refusal()).isNotNull();
        assertThat(r.forwarded()).isEmpty();
    }

    @Test
    void aRequestBeforeARefusedOneIsPassedOn() {
        Result r = relay(get("/app/", "") + get("/other/", ""));
        assertThat(r.refusal().status()).isEqualTo(404);
        assertThat(r.forwarded()).isEqualTo(withToken(get("/app/", "")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("a request that is malformed, ambiguous or outside this application is refused")
    @CsvSource(delimiter = '|', textBlock = """
            path outside the application                  | 404 | GET /other/x HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            path that only shares a prefix                | 404 | GET /appx HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            path of a nested application                  | 404 | GET /app/nested/x HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            dot-dot segment                               | 400 | GET /app/../manager/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            encoded dot-dot segment                       | 400 | GET /app/%2e%2E/manager/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            dot-dot with a path parameter                 | 400 | GET /app/..;x=1/manager/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            encoded slash                                 | 400 | GET /app/a%2Fb HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            backslash                                     | 400 | GET /app\\\\..\\\\x HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            overlong UTF-8 dot                            | 400 | GET /app/%C0%AE%C0%AE/x HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            broken escape                                 | 400 | GET /app/%G1 HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            authority form                                | 400 | CONNECT example.com:443 HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            asterisk with GET                             | 400 | GET * HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            absolute form for another host                | 421 | GET http://other.example/app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            Host of another authority                     | 421 | GET /app/ HTTP/1.1\\r\\nHost: other.example\\r\\n\\r\\n
            two Host fields                               | 400 | GET /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nHost: example.com:8080\\r\\n\\r\\n
            HTTP/1.1 without Host                         | 400 | GET /app/ HTTP/1.1\\r\\nA: b\\r\\n\\r\\n
            HTTP/2.0 request line                         | 505 | GET /app/ HTTP/2.0\\r\\nHost: example.com:8080\\r\\n\\r\\n
            malformed version                             | 400 | GET /app/ HTTP/1.1x\\r\\nHost: example.com:8080\\r\\n\\r\\n
            two spaces in the request line                | 400 | GET  /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            space in the target                           | 400 | GET /app/a b HTTP/1.1\\r\\nHost: example.com:8080\\r\\n\\r\\n
            obsolete line folding                         | 400 | GET /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nA: b\\r\\n c\\r\\n\\r\\n
            whitespace before the colon                   | 400 | GET /app/ HTTP/1.1\\r\\nHost : example.com:8080\\r\\n\\r\\n
            bare CR                                       | 400 | GET /app/ HTTP/1.1\\r\\nHost: example.com:8080\\rA: b\\r\\n\\r\\n
            control character in a value                  | 400 | GET /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nA: b\\u0001c\\r\\n\\r\\n
            Content-Length and Transfer-Encoding          | 400 | POST /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n
            differing Content-Length values               | 400 | POST /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nContent-Length: 3\\r\\nContent-Length: 4\\r\\n\\r\\n
            signed Content-Length                         | 400 | POST /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nContent-Length: +3\\r\\n\\r\\n
            coding other than chunked                     | 501 | POST /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n
            chunked that is not the last coding           | 400 | POST /app/ HTTP/1.1\\r\\nHost: example.com:8080\\r\\nTransfer-Encoding: chunked, gzip\\r\\n\\r\\n
            Transfer-Encoding in HTTP/1.0                 | 400 | POST /app/ HTTP/1.0\\r\\nHost: example.com:8080\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n
            """)
    void refused(String label, int status, String request) {
        Result r = relay(unescape(request));
        assertThat(r.refusal()).as(label).isNotNull();
        assertThat(r.refusal().status()).as(label + ": " + r.refusal().reason()).isEqualTo(status);
        assertThat(r.forwarded()).as(label).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("malformed chunked content ends the stream before the request is complete")
    @CsvSource(delimiter = '|', textBlock = """
            chunk size that is not hexadecimal | zz\\r\\n
            whitespace after the size alone    | 3 \\r\\nabc\\r\\n
            a bare LF after the size           | 3\\nabc\\r\\n
            chunk data longer than its size    | 1\\r\\nab\\r\\n
            chunk size line that is too long   | 1;%s\\r\\n
            """)
    void malformedChunkedContentIsRefused(String label, String content) {
        String head = "POST /app/ HTTP/1.1\r\nHost: " + HOST + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        Result r = relay(head + unescape(content).replace("%s", "x".repeat(2000)));
        assertThat(r.refusal()).as(label).isNotNull();
        assertThat(r.refusal().status()).isEqualTo(400);
        assertThat(r.forwarded()).startsWith(withToken(head)).doesNotEndWith("0\r\n\r\n");
        assertThat(r.forwarded().substring(withToken(head).length())).doesNotContain("b");
    }

    @Test
    void aChunkSizePastTwoToTheSixtyThreeGets413() {
        Result r = relay("POST /app/ HTTP/1.1\r\nHost: " + HOST + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "10000000000000000\r\n");
        assertThat(r.refusal().status()).isEqualTo(413);
    }

    @Test
    void aHeadLargerThanTheLimitGets431() {
        Result r = relay(get("/app/", "A: " + "x".repeat(2000) + "\r\n"));
        assertThat(r.refusal().status()).isEqualTo(431);
    }

    @Test
    void aRefusalReasonIsOneLine() {
        Result r = relay("GET /app/ HTTP/1.1\r\nHost: evil\r\nexample\r\n\r\n");
        assertThat(r.refusal().reason()).doesNotContain("\r", "\n");
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0001", "\u0001").replace("\\\\", "\\");
    }
}
