package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * PRX-02 against an adversarial backend: every answer other than a 101 naming a protocol the
 * client offered is relayed as an ordinary response (or turned into a 502/504), and a
 * request the client pipelined behind its upgrade request is then served by the gateway's
 * own container as HTTP, never forwarded raw to the backend. Deploy
 * {@code ProxyDeployments.gateway(name, Map.of())} (response timeout 3s, head limit 8 KiB).
 */
public abstract class TunnelRefusalScenarios {

    private static ScriptedBackend backend;

    /** The gateway with the default tunnel routes. */
    protected abstract ServerUnderTest server();

    @BeforeAll
    static void startBackend() throws IOException {
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
    }

    /** What the backend does after reading the forwarded head. */
    private enum Then { KEEP_OPEN, CLOSE, STAY_SILENT }

    /**
     * @param answer the bytes the backend sends
     * @param status the status the client must get
     * @param fields field lines the client's response must contain
     * @param body the exact body the client must get ({@code %s} is the backend's address)
     */
    private record Row(String label, String answer, Then then, int status, String[] fields, String body) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final String BACKEND = "127.0.0.1:" + ProxyBackends.RAW_PORT;

    static Stream<Arguments> answers() {
        return Stream.of(
                new Row("PRX-02 a 200 is relayed as an ordinary response",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nplain\n",
                        Then.KEEP_OPEN, 200, new String[] {"Content-Type: text/plain"}, "plain\n"),
                new Row("PRX-02 a chunked 200 is relayed with its body decoded",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
                        Then.KEEP_OPEN, 200, new String[0], "abcde"),
                new Row("PRX-02 a 400 is relayed as an ordinary response",
                        "HTTP/1.1 400 Bad Request\r\nContent-Length: 4\r\n\r\nbad\n",
                        Then.KEEP_OPEN, 400, new String[0], "bad\n"),
                new Row("PRX-02 a 426 is relayed with the backend's Upgrade offer and this hop's Connection",
                        "HTTP/1.1 426 Upgrade Required\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                                + "Content-Length: 7\r\n\r\nuse ws\n",
                        Then.KEEP_OPEN, 426, new String[] {"Upgrade: websocket", "Connection: upgrade"}, "use ws\n"),
                new Row("PRX-02 a 101 for a protocol the client did not offer gets 502",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: other/1\r\nConnection: upgrade\r\n\r\n",
                        Then.KEEP_OPEN, 502, new String[0], "Backend %s switched to other/1, which the client did "
                                + "not offer (echo/1)\n"),
                new Row("PRX-02 a 101 without Upgrade gets 502",
                        "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n\r\n",
                        Then.KEEP_OPEN, 502, new String[0], "Backend %s answered 101 without an Upgrade field\n"),
                new Row("PRX-02 a truncated head gets 502",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\n",
                        Then.CLOSE, 502, new String[0], "Backend %s closed the connection inside its response head\n"),
                new Row("PRX-02 a head over the size limit gets 502",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nX-Big: " + "a".repeat(20_000)
                                + "\r\n\r\n",
                        Then.KEEP_OPEN, 502, new String[0], "Backend %s sent a response head larger than 8192 bytes\n"),
                new Row("PRX-02 a malformed status line gets 502",
                        "HTTP/1.1 1O1 Switching\r\nUpgrade: echo/1\r\n\r\n",
                        Then.KEEP_OPEN, 502, new String[0], "Backend sent an invalid response head: expected a status "
                                + "line such as HTTP/1.1 101 but was \"HTTP/1.1 1O1 Switching\"\n"),
                new Row("PRX-02 a folded field line gets 502",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\n  , evil/1\r\n\r\n",
                        Then.KEEP_OPEN, 502, new String[0], "Backend sent an invalid response head: a folded field "
                                + "line (obs-fold): \"  , evil/1\"\n"),
                new Row("PRX-02 a backend that closes without answering gets 502",
                        "", Then.CLOSE, 502, new String[0], "Backend %s closed the connection without a response\n"),
                new Row("PRX-05 a backend that never answers gets 504 after the response timeout",
                        "", Then.STAY_SILENT, 504, new String[0], "Backend %s sent no response within 3000 ms\n"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    @DisplayName("PRX-02 an answer other than a valid 101 leaves the client connection HTTP")
    void answerOtherThanASwitch(Row row) throws IOException {
        ServerUnderTest s = server();
        String pipelined = Requests.get(s, "after");
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/x", "echo/1") + pipelined);
            try (BackendPeer peer = backend.accept()) {
                assertThat(peer.readHead()).startsWith("GET " + s.path("raw/x") + " HTTP/1.1\r\n");
                if (!row.answer().isEmpty()) {
                    peer.send(row.answer());
                }
                if (row.then() == Then.CLOSE) {
                    peer.shutdownOutput();
                }
                RawConnection.Response first = client.readResponse();
                assertThat(first.head().statusLine()).as(first.head().raw())
                        .isEqualTo(s.container().statusLine(row.status()));
                for (String field : row.fields()) {
                    String name = field.substring(0, field.indexOf(':'));
                    assertThat(first.head().values(name)).containsExactly(field.substring(name.length() + 2));
                }
                assertThat(first.bodyText()).isEqualTo(row.body().replace("%s", BACKEND));
                if (first.head().values("Connection").contains("close")) {
                    // Tomcat closes the connection after a 400 whoever wrote it.
                    assertThat(client.isClosedByPeer(Duration.ofSeconds(5))).isTrue();
                } else {
                    RawConnection.Response second = client.readResponse();
                    assertThat(second.head().statusLine()).isEqualTo(s.container().statusLine(200));
                    assertThat(second.bodyText()).contains("path: " + s.path("after") + "\n")
                            .contains("upgrade: (none)\n");
                }
                assertThat(peer.readUntilClosed()).as("bytes forwarded after the head").isEmpty();
            }
        }
    }

    static Stream<Arguments> tunnelAnswers() {
        return Stream.of(
                Arguments.of("UPG-16 the tunnel's 502 for a 101 the client did not offer closes the connection",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: other/1\r\nConnection: upgrade\r\n\r\n",
                        Then.KEEP_OPEN, 502),
                Arguments.of("UPG-16 the tunnel's 502 for a malformed head closes the connection",
                        "HTTP/1.1 1O1 Switching\r\nUpgrade: echo/1\r\n\r\n", Then.KEEP_OPEN, 502),
                Arguments.of("UPG-16 the tunnel's 502 for a backend that closes without answering closes the connection",
                        "", Then.CLOSE, 502),
                Arguments.of("UPG-16 the tunnel's 504 for a backend that never answers closes the connection",
                        "", Then.STAY_SILENT, 504));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tunnelAnswers")
    @DisplayName("UPG-16 a 502 or 504 the tunnel writes itself closes the connection; the request behind it is never "
            + "served")
    void tunnelAnswerClosesTheConnection(String label, String answer, Then then, int status) throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/x", "echo/1") + Requests.get(s, "after"));
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                if (!answer.isEmpty()) {
                    peer.send(answer);
                }
                if (then == Then.CLOSE) {
                    peer.shutdownOutput();
                }
                RawConnection.Response r = client.readResponse();
                assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(s.container().statusLine(status));
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(client.isClosedByPeer(Duration.ofSeconds(5))).as("connection closed, no second response")
                        .isTrue();
                assertThat(peer.readUntilClosed()).as("bytes forwarded after the head").isEmpty();
            }
        }
    }
}
