package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.exchange;
import static dev.switchboard.it.scenarios.TlsExchanges.executions;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static dev.switchboard.it.scenarios.TlsExchanges.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.ClientHellos;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * RFC 2817 end to end with the JDK's TLS client as the independent peer: the 101 (TLS-01),
 * HTTP/1.1 over the upgraded connection (TLS-02, UPG-15), failed and stalled handshakes
 * (TLS-03), the version floor (TLS-08) and {@code OPTIONS *} (TLS-04). Deploy
 * {@code TlsDeployments.tlsApp(name, Rfc2817Scenarios.PARAMS)}: {@code /secure/*} protected,
 * a 10 s handshake timeout, and RFC 2817's optional form on for every resource.
 */
public abstract class Rfc2817Scenarios {

    /** The optional form for every resource, so that the scenarios can upgrade real requests. */
    public static final Map<String, String> PARAMS = Map.of("switchboard.tls.optionalUpgrade", "/*");

    /** Longer than the deployment's handshake timeout, with room for a busy machine. */
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(30);

    protected abstract ServerUnderTest server();

    private RawConnection upgrade(RawConnection c, String request, String... protocols) throws IOException {
        return TlsExchanges.upgrade(server(), c, request, protocols);
    }

    // ------------------------------------------------------------------ TLS-01

    @Test
    @DisplayName("TLS-01 the 101 names TLS/1.2, HTTP/1.1 bottom-up with Connection: upgrade, and TLS starts after its blank line")
    void the101NamesTheStackAndTlsFollows() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(s.container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("TLS/1.2, HTTP/1.1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            assertThat(head.has("Content-Length")).isFalse();
            RawConnection tls = Rfc2817Client.startTls(c, TestKeyStore.shared().clientContext(), s.base().getHost(),
                    s.base().getPort());
            assertThat(tls.readResponse().status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("TLS-01 the 101 names the TLS token the client offered first, in the server's spelling")
    @CsvSource(delimiter = '|', textBlock = """
            TLS-01 TLS/1.0 offered                  | TLS/1.0                     | TLS/1.0, HTTP/1.1
            TLS-01 unknown protocol first           | foo/1, TLS/1.3              | TLS/1.3, HTTP/1.1
            TLS-01 name compared ignoring case      | tls/1.2                     | TLS/1.2, HTTP/1.1
            TLS-01 several TLS versions             | TLS/1.2, TLS/1.1, TLS/1.0   | TLS/1.2, HTTP/1.1
            """)
    void the101NamesTheOfferedToken(String label, String offer, String expected) throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", "Upgrade: " + offer + "\r\nConnection: upgrade\r\n"));
            ResponseHead head = c.readHead();
            assertThat(head.status()).isEqualTo(101);
            assertThat(head.values("Upgrade")).containsExactly(expected);
        }
    }

    @Test
    @DisplayName("TLS-01 a resource that does not require TLS can be upgraded too (RFC 2817 section 3.1)")
    void anOpenResourceCanBeUpgraded() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base()); RawConnection tls = upgrade(c, get(s, "open/x", UPGRADE_TLS_1_2))) {
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("open/x")).containsEntry("secure", "true");
        }
    }

    @Test
    @DisplayName("TLS-01 a request with content is not switched: a resource that does not require TLS is served in cleartext")
    void aRequestWithContentIsNotSwitched() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, request(s, "POST", "open/x", UPGRADE_TLS_1_2 + "Content-Length: 3\r\n") + "abc");
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("secure", "false").containsEntry("content", "3 abc");
    }

    // ------------------------------------------------------------------ TLS-02, UPG-15

    @Test
    @DisplayName("UPG-15 the first response over TLS is the response to the request that asked for the switch")
    void theFirstResponseIsForTheOriginalRequest() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = upgrade(c, get(s, "secure/first?q=1", UPGRADE_TLS_1_2 + "X-Test: original\r\n"))) {
            RawConnection.Response r = tls.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(200));
            assertThat(info(r)).containsEntry("method", "GET").containsEntry("path", s.path("secure/first"))
                    .containsEntry("query", "q=1").containsEntry("upgrade", "(none)");
        }
    }

    @Test
    @DisplayName("TLS-02 after the handshake the connection carries further HTTP/1.1 requests, seen by the application as secure")
    void keepAliveRequestsOverTls() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base()); RawConnection tls = upgrade(c, get(s, "secure/1", UPGRADE_TLS_1_2))) {
            assertThat(tls.readResponse().status()).isEqualTo(200);
            for (int i = 2; i <= 4; i++) {
                tls.send(get(s, "secure/" + i, ""));
                RawConnection.Response r = tls.readResponse();
                assertThat(info(r)).containsEntry("path", s.path("secure/" + i)).containsEntry("secure", "true")
                        .containsEntry("scheme", "http").containsEntry("remoteAddr", "127.0.0.1")
                        .containsEntry("bridge-field", "(none)");
                assertThat(info(r).get("tls")).isIn("TLSv1.3", "TLSv1.2");
                assertThat(info(r).get("cipher")).startsWith("TLS_");
            }
        }
    }

    @Test
    @DisplayName("TLS-02 content sent over the upgraded connection reaches the application, with Content-Length and chunked")
    void contentOverTls() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base()); RawConnection tls = upgrade(c, get(s, "secure/1", UPGRADE_TLS_1_2))) {
            tls.readResponse();
            tls.send(request(s, "POST", "secure/post", "Content-Length: 5\r\n") + "hello");
            assertThat(info(tls.readResponse())).containsEntry("content", "5 hello");
            tls.send(request(s, "POST", "secure/post", "Transfer-Encoding: chunked\r\n") + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
            assertThat(info(tls.readResponse())).containsEntry("content", "5 abcde");
        }
    }

    @Test
    @DisplayName("TLS-02 pipelined requests over TLS are answered in order")
    void pipelinedRequestsOverTls() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base()); RawConnection tls = upgrade(c, get(s, "secure/1", UPGRADE_TLS_1_2))) {
            tls.readResponse();
            tls.send(get(s, "secure/a", "") + get(s, "secure/b", "") + get(s, "secure/c", ""));
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("secure/a"));
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("secure/b"));
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("secure/c"));
        }
    }

    @Test
    @DisplayName("TLS-02 Connection: close over TLS ends the connection after the response")
    void connectionCloseOverTls() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base()); RawConnection tls = upgrade(c, get(s, "secure/1", UPGRADE_TLS_1_2))) {
            tls.readResponse();
            tls.send(get(s, "secure/last", "Connection: close\r\n"));
            assertThat(info(tls.readResponse())).containsEntry("path", s.path("secure/last"));
            assertThat(tls.isClosedByPeer(CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    @DisplayName("TLS-02 a session created over TLS gets a Secure cookie")
    void sessionsOverTlsGetSecureCookies() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = upgrade(c, get(s, "secure/page?session=new", UPGRADE_TLS_1_2))) {
            RawConnection.Response r = tls.readResponse();
            assertThat(r.head().values("Set-Cookie")).singleElement().satisfies(v -> assertThat(v).contains("; Secure"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a request over TLS for another application or authority is refused, then the connection closes")
    @CsvSource(delimiter = '|', textBlock = """
            another application  | /other/x   | 127.0.0.1  | 404
            another authority    | PATH       | example.org | 421
            a dot segment        | PATH/../.. | 127.0.0.1  | 400
            """)
    void requestsOutsideTheApplicationAreRefused(String label, String target, String host, int status) throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base()); RawConnection tls = upgrade(c, get(s, "secure/1", UPGRADE_TLS_1_2))) {
            tls.readResponse();
            String path = target.replace("PATH", s.path("secure/x"));
            String hostField = host.equals("127.0.0.1") ? s.host() : host;
            tls.send("GET " + path + " HTTP/1.1\r\nHost: " + hostField + "\r\n\r\n");
            RawConnection.Response r = tls.readResponse();
            assertThat(r.status()).as(label).isEqualTo(status);
            assertThat(r.head().values("Connection")).containsExactly("close");
            assertThat(tls.isClosedByPeer(CLOSE_WITHIN)).isTrue();
        }
    }

    // ------------------------------------------------------------------ TLS-03

    @Test
    @DisplayName("TLS-03 cleartext after the 101 fails the handshake and closes the connection with no cleartext answer")
    void cleartextAfterThe101Closes() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send(get(s, "secure/page", ""));
            byte[] rest = c.timeout(CLOSE_WITHIN).readToEnd();
            assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/");
            assertThat(rest.length == 0 || rest[0] == ClientHellos.CONTENT_TYPE_ALERT).as(Arrays.toString(rest)).isTrue();
        }
    }

    @Test
    @DisplayName("TLS-03 a client that rejects the certificate ends the handshake and the server closes without cleartext")
    void aRejectedCertificateCloses() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            assertThat(c.readHead().status()).isEqualTo(101);
            SSLSocket tls = Rfc2817Client.layerKeepingSocket(c.socket(), SSLContext.getDefault(), s.base().getHost(), s.base().getPort());
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);
            assertThat(c.isClosedByPeer(CLOSE_WITHIN)).isTrue();
        }
        assertThat(executions(s)).as("the original request is not executed without a handshake").isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-03 a client that sends nothing after the 101 is closed after the handshake timeout")
    void aSilentClientIsClosed() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            assertThat(c.readHead().status()).isEqualTo(101);
            assertThat(c.timeout(CLOSE_WITHIN).readToEnd()).isEmpty();
        }
    }

    @Test
    @DisplayName("TLS-03 a client that stalls mid-handshake is closed after the handshake timeout")
    void aClientStallingMidHandshakeIsClosed() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", UPGRADE_TLS_1_2));
            assertThat(c.readHead().status()).isEqualTo(101);
            byte[] hello = ClientHellos.tls11Only();
            c.send(Arrays.copyOf(hello, hello.length / 2));
            assertThat(c.timeout(CLOSE_WITHIN).readToEnd()).isEmpty();
        }
    }

    @Test
    @DisplayName("TLS-03 client-initiated renegotiation of a TLS 1.2 session is refused: the connection closes, no response follows")
    void clientInitiatedRenegotiationIsRefused() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = upgrade(c, get(s, "secure/1", UPGRADE_TLS_1_2), "TLSv1.2")) {
            assertThat(tls.readResponse().status()).isEqualTo(200);
            ((SSLSocket) tls.socket()).startHandshake(); // on an established TLS 1.2 session: a new ClientHello
            tls.send(get(s, "secure/2", ""));
            assertThatThrownBy(tls::readResponse).isInstanceOf(IOException.class);
        }
    }

    // ------------------------------------------------------------------ TLS-08

    @Test
    @DisplayName("TLS-08 a client offering only TLS 1.1 gets a protocol_version alert and the connection closes")
    void aTls11OnlyClientIsRefused() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(get(s, "secure/page", "Upgrade: TLS/1.1\r\nConnection: upgrade\r\n"));
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send(ClientHellos.tls11Only());
            byte[] answer = c.timeout(CLOSE_WITHIN).readToEnd();
            assertThat(answer).as(Arrays.toString(answer)).hasSize(7);
            assertThat(answer[0]).isEqualTo((byte) ClientHellos.CONTENT_TYPE_ALERT);
            assertThat(answer[5]).as("fatal").isEqualTo((byte) 2);
            assertThat(answer[6]).isEqualTo((byte) ClientHellos.ALERT_PROTOCOL_VERSION);
        }
    }

    @Test
    @DisplayName("TLS-08 the token TLS/1.0 does not lower the negotiated version: the JDK client gets TLS 1.3")
    void aTls10TokenStillNegotiatesTls13() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = upgrade(c, get(s, "secure/page", "Upgrade: TLS/1.0\r\nConnection: upgrade\r\n"))) {
            assertThat(((SSLSocket) tls.socket()).getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(info(tls.readResponse())).containsEntry("tls", "TLSv1.3");
        }
    }

    @Test
    @DisplayName("TLS-08 a client limited to TLS 1.2, the default minimum, is served over TLS 1.2")
    void aTls12ClientIsServed() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = upgrade(c, get(s, "secure/page", UPGRADE_TLS_1_2), "TLSv1.2")) {
            assertThat(((SSLSocket) tls.socket()).getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(info(tls.readResponse())).containsEntry("tls", "TLSv1.2");
        }
    }

    // ------------------------------------------------------------------ TLS-04

    @Test
    @DisplayName("TLS-04 OPTIONS * with Upgrade: TLS is answered by the container itself (200 or 404), in cleartext, and is not upgraded")
    void optionsStarIsNotDeliveredToTheApplication() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("OPTIONS * HTTP/1.1\r\nHost: " + s.host() + "\r\nUpgrade: TLS/1.2, TLS/1.1, TLS/1.0\r\nConnection: upgrade\r\n\r\n");
            RawConnection.Response r = c.readResponse();
            if (s.container().answersOptionsStar()) {
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(200));
                assertThat(r.head().has("Allow")).isTrue();
            } else {
                assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(404));
            }
            assertThat(r.head().has("Upgrade")).isFalse();
            c.send(get(s, "open/after-options", ""));
            assertThat(info(c.readResponse())).containsEntry("secure", "false");
        }
    }
}
