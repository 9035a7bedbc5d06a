package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SwitchboardFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.harness.FilterAnswer;
import dev.switchboard.servlet.harness.FilterHarness;
import jakarta.servlet.ServletException;

/**
 * The tunnel's upgrade routes as a protocol of negotiation, without a container:
 * {@link SwitchboardFilter} with a route to a backend that gives each connection the answer its
 * path names, one allowed host, and each answer to the client compared byte for byte. The
 * same exchanges on Tomcat and Jetty, with their own serialisation, are the integration
 * scenarios'.
 */
class TunnelNegotiationTest {

    private static final String SWITCH = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade, X-Hop\r\nX-Hop: 1\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n";
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 7\r\n\r\nabsent\n";

    private static Backend backend;
    private static FilterHarness harness;

    @BeforeAll
    static void start() throws Exception {
        backend = new Backend();
        harness = FilterHarness.of(new SwitchboardFilter())
                .contextParameter(TunnelOptions.ROUTES, "/chat/ -> http://127.0.0.1:" + backend.port())
                .contextParameter(UpgradeOptions.ALLOWED_HOSTS, "x")
                .contextParameter(UpgradeOptions.JMX, "false")
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        harness.close();
        backend.close();
    }

    @BeforeEach
    void clear() {
        backend.requests.clear();
    }

    @Test
    @DisplayName("PRX-02 a backend's 101 is negotiation's switch: the 101 names what it switched to and relays its end-to-end fields")
    void backendSwitchIsNegotiationsSwitch() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /chat/switch HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n",
                answer.wire());
        assertThat(answer.upgrades()).hasSize(1);
        assertThat(backend.requests).hasSize(1);
        assertThat(UpgradeRegistry.of(harness.context()).statistics().forProtocol(TunnelFilter.PROTOCOL_NAME)
                .getUpgrades()).isPositive();
    }

    @Test
    @DisplayName("PRX-02 a backend's answer other than 101 is relayed whole and the connection stays HTTP")
    void otherAnswerIsRelayed() throws IOException, ServletException {
        long relayed = statistics().getResponsesRelayed();
        FilterAnswer answer = harness.send("GET /chat/absent HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\n\r\n");
        assertEquals(NOT_FOUND, answer.wire());
        assertThat(answer.upgrades()).isEmpty();
        assertThat(statistics().getResponsesRelayed()).isEqualTo(relayed + 1);
    }

    @Test
    @DisplayName("WS-15 a Host the context does not serve gets negotiation's 421, never reaches the backend, and the tunnel counts it")
    void misdirectedRequestIsRefusedAtTheDoor() throws IOException, ServletException {
        long refusals = statistics().getRefusals();
        FilterAnswer answer = harness.send("GET /chat/switch HTTP/1.1\r\nHost: evil.example\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\n\r\n");
        assertThat(answer.head()).startsWith("HTTP/1.1 421 ").contains("Connection: close\r\n");
        assertThat(backend.requests).isEmpty();
        assertThat(statistics().getRefusals()).isEqualTo(refusals + 1);
        assertThat(statistics().getRefusalsByReason()).containsKey("host");
    }

    @Test
    @DisplayName("PRX-08 an upgrade request with Transfer-Encoding on a route gets 400 with Connection: close and reaches no backend")
    void transferEncodingIsRefusedByTheTunnel() throws IOException, ServletException {
        FilterAnswer answer = harness.send("POST /chat/switch HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: upgrade\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertEquals("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: 85\r\n\r\n"
                + "Upgrade request with Transfer-Encoding refused: send its content with Content-Length\n",
                answer.wire());
        assertThat(backend.requests).isEmpty();
    }

    @Test
    @DisplayName("a request without the upgrade connection option on a route is passed on and reaches no backend")
    void ignoredOfferIsPassedOn() throws IOException, ServletException {
        assertThat(harness.send("GET /chat/switch HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n").wasPassedOn())
                .isTrue();
        assertThat(backend.requests).isEmpty();
    }

    private static TunnelStatistics statistics() {
        return (TunnelStatistics) harness.context().getAttribute(TunnelFilter.STATISTICS_ATTRIBUTE);
    }

    /** A backend that reads one request head per connection and answers as its path names. */
    private static final class Backend implements AutoCloseable {
        private final ServerSocket server = new ServerSocket();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Backend() throws IOException {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::serve, "test-backend");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread answering = new Thread(() -> answer(s), "test-backend-connection");
                    answering.setDaemon(true);
                    answering.start();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void answer(Socket connection) {
            try (Socket s = connection) {
                String head = readHead(s.getInputStream());
                requests.add(head);
                OutputStream out = s.getOutputStream();
                out.write((head.startsWith("GET /chat/switch ") ? SWITCH : NOT_FOUND).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                s.getInputStream().readAllBytes(); // until the gateway closes its end
            } catch (IOException e) {
                // the gateway went
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String s = head.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) {
                    return s;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
