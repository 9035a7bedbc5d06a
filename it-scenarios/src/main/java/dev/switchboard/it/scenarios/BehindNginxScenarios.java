package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.LibraryJars;
import dev.switchboard.testing.Nginx;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;
import dev.switchboard.it.app.ws.WebSocketTestEndpoints;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * Switchboard behind a real nginx (the Debian package): WebSocket and {@code echo/1} pass
 * through it, and the TLS policy believes its {@code X-Forwarded-Proto} exactly when the
 * address it connects from is a trusted proxy. nginx ({@link Nginx}) connects from
 * {@value Nginx#TRUSTED_ADDRESS}, which the deployment trusts, on its cleartext and first TLS
 * listener, and from {@value Nginx#OTHER_ADDRESS}, which it does not, on its second TLS
 * listener. Every answer is read as nginx writes it, with raw sockets: nginx keeps the status
 * line of the container behind it (Tomcat's has no reason phrase). Deploy
 * {@link #application(String)}.
 */
public abstract class BehindNginxScenarios {

    private static Nginx nginx;
    private static int backendPort;

    protected abstract ServerUnderTest server();

    /**
     * The application behind nginx: the TLS test application protecting {@code /secure/*} and
     * trusting {@value Nginx#TRUSTED_ADDRESS}, with {@code echo/1} and the WebSocket test
     * endpoints.
     */
    public static WebArchive application(String name) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.protocols", "echo, websocket");
        params.put("switchboard.tls.keystore", null);
        params.put("switchboard.tls.keystorePassword", null);
        params.put("switchboard.trustedProxies", Nginx.TRUSTED_ADDRESS);
        return TlsDeployments.tlsApp(name, params)
                .addAsLibraries(LibraryJars.upgradeWebSocket())
                .addPackage(WebSocketTestEndpoints.class.getPackage());
    }

    @BeforeEach
    void startNginx() throws Exception {
        int port = server().base().getPort();
        if (nginx != null && backendPort != port) {
            stopNginx();
        }
        if (nginx == null) {
            nginx = Nginx.start(port, TestKeyStore.shared());
            backendPort = port;
        }
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    @Test
    @DisplayName("echo/1 passes through nginx: its 101 names echo/1 and the bytes come back")
    void echoPassesThrough() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", nginx.plainPort())) {
            c.send(request("GET", "echo", "Upgrade: echo/1\r\nConnection: upgrade\r\n"));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            c.send("ping through nginx");
            assertThat(c.readString(18)).isEqualTo("ping through nginx");
        }
    }

    @Test
    @DisplayName("a WebSocket handshake and its messages pass through nginx")
    void webSocketPassesThrough() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", nginx.plainPort())) {
            c.send(WebSocketRequest.to(server(), "p/echo").set("Host", "127.0.0.1:" + nginx.plainPort()).text());
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(head.values("Sec-WebSocket-Accept")).containsExactly(WebSocketRequest.ACCEPT);
            c.send(WebSocketFrames.text("hello through nginx"));
            WebSocketFrames.Frame echo = WebSocketFrames.read(c.input());
            assertThat(echo.opcode()).isEqualTo(WebSocketFrames.TEXT);
            assertThat(echo.text()).isEqualTo("hello through nginx");
        }
    }

    @Test
    @DisplayName("TLS-09 a cleartext request through nginx for a protected resource gets the policy's 426")
    void cleartextThroughNginxGets426() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", nginx.plainPort())) {
            c.send(request("GET", "secure/page", ""));
            RawConnection.Response r = c.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(426));
            assertThat(r.head().values("Upgrade")).containsExactly("TLS/1.3, TLS/1.2, HTTP/1.1");
        }
    }

    @Test
    @DisplayName("TLS-09 a client's forged X-Forwarded-Proto: https is replaced by nginx: still 426")
    void forgedProtoThroughNginxGets426() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", nginx.plainPort())) {
            c.send(request("GET", "secure/page", "X-Forwarded-Proto: https\r\n"));
            assertThat(c.readResponse().head().statusLine()).isEqualTo(server().container().statusLine(426));
        }
    }

    @Test
    @DisplayName("TLS-09 a client's own Forwarded: proto=https, passed through by nginx beside its X-Forwarded-*, "
            + "gets 400, not the protected resource")
    void forgedForwardedThroughNginxGets400() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", nginx.plainPort())) {
            c.send(request("GET", "secure/page", "Forwarded: for=192.0.2.66;proto=https\r\n"));
            RawConnection.Response r = c.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
            assertThat(r.bodyText()).contains("Invalid Forwarded field: both Forwarded and X-Forwarded-* came "
                    + "through a trusted proxy");
        }
    }

    @Test
    @DisplayName("TLS-09 https to nginx, whose address is a trusted proxy, serves the protected resource")
    void httpsThroughTrustedNginxIsServed() throws IOException {
        try (RawConnection c = RawConnection.over(tls(nginx.tlsPort()))) {
            c.send(request("GET", "secure/page", ""));
            RawConnection.Response r = c.readResponse();
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(200));
            assertThat(r.bodyText()).contains("path: " + server().path("secure/page") + "\n");
        }
    }

    @Test
    @DisplayName("TLS-09 https to an nginx whose address is not a trusted proxy still gets 426")
    void httpsThroughUntrustedNginxGets426() throws IOException {
        try (RawConnection c = RawConnection.over(tls(nginx.otherTlsPort()))) {
            c.send(request("GET", "secure/page", ""));
            assertThat(c.readResponse().head().statusLine()).isEqualTo(server().container().statusLine(426));
        }
    }

    @Test
    @DisplayName("TLS-09 a client that bypasses nginx cannot forge X-Forwarded-Proto: https")
    void directClientCannotForgeProto() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(Requests.get(s, "secure/page", "X-Forwarded-Proto: https\r\n"));
            assertThat(c.readResponse().head().statusLine()).isEqualTo(s.container().statusLine(426));
        }
    }

    /** A request to nginx for {@code relative} under the application, with {@code fieldLines}. */
    private String request(String method, String relative, String fieldLines) {
        return method + " " + server().path(relative) + " HTTP/1.1\r\nHost: localhost\r\n" + fieldLines + "\r\n";
    }

    private static Socket tls(int port) throws IOException {
        SSLSocket socket = (SSLSocket) TestKeyStore.shared().clientContext().getSocketFactory()
                .createSocket("127.0.0.1", port);
        socket.startHandshake();
        return socket;
    }
}
