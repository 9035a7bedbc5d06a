package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.MessageHead;
import dev.switchboard.http.StatusLine;

/** How the tunnel reads a backend's response head, whole or a byte at a time. */
class BackendConnectionTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private BackendConnection backend(String bytes, int piece) {
        Deadline deadline = Deadline.start(Duration.ofHours(1), scheduler, () -> { });
        return new BackendConnection("backend:80", new BytesTransport(bytes.getBytes(StandardCharsets.ISO_8859_1),
                piece), deadline, 512);
    }

    @Test
    @DisplayName("PRX-01 a 101 is read with its fields in order, names as sent and values trimmed")
    void readsA101() {
        MessageHead<StatusLine> head = backend("HTTP/1.1 101 Switching Protocols\r\nUpgrade:  websocket \r\n"
                + "connection: Upgrade\r\n\r\n", 1).readHead();

        assertThat(head.startLine().status()).isEqualTo(101);
        assertThat(head.startLine().reason()).isEqualTo("Switching Protocols");
        assertThat(head.values("upgrade")).containsExactly("websocket");
        assertThat(head.values("Connection")).containsExactly("Upgrade");
    }

    @Test
    @DisplayName("PRX-01 bytes after the 101 are handed to the tunnel, however the head arrived")
    void keepsTheBytesAfterTheHead() {
        BackendConnection backend = backend("HTTP/1.1 101 OK\nUpgrade: echo/1\n\nframe", 3);

        assertThat(backend.readHead().startLine().status()).isEqualTo(101);
        assertThat(backend.afterHead()).asString(StandardCharsets.ISO_8859_1).isIn("", "f", "fr", "fra");
    }

    @Test
    @DisplayName("PRX-02 interim answers before the final one are skipped")
    void skipsInterimAnswers() {
        MessageHead<StatusLine> head = backend("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n"
                + "Link: </a>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", 7).readHead();

        assertThat(head.startLine().status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("PRX-02 a malformed head is a 502 with a one-line reason, never a switch")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            PRX-02 not HTTP/1.x                 | HTTP/2 101 OK\\r\\n\\r\\n                 | expected a status line such as HTTP/1.1 101 but was "HTTP/2 101 OK"
            PRX-02 HTTP/2.0                     | HTTP/2.0 101 OK\\r\\n\\r\\n               | expected HTTP/1.x in the status line but was HTTP/2.0
            PRX-02 letters in the status        | HTTP/1.1 1O1 OK\\r\\n\\r\\n               | expected a status line such as HTTP/1.1 101 but was "HTTP/1.1 1O1 OK"
            PRX-02 a two-digit status           | HTTP/1.1 99 OK\\r\\n\\r\\n                | expected a status line such as HTTP/1.1 101 but was "HTTP/1.1 99 OK"
            PRX-02 a status past 599            | HTTP/1.1 600 OK\\r\\n\\r\\n               | expected a status code from 100 to 599 but was "HTTP/1.1 600 OK"
            PRX-02 no space after the version   | HTTP/1.1101 OK\\r\\n\\r\\n                | expected a status line such as HTTP/1.1 101 but was "HTTP/1.1101 OK"
            PRX-02 a folded line                | HTTP/1.1 101 OK\\r\\nUpgrade: a\\r\\n  , b\\r\\n\\r\\n | a folded field line (obs-fold): "  , b"
            PRX-02 space before the colon       | HTTP/1.1 101 OK\\r\\nUpgrade : a\\r\\n\\r\\n | expected a token before ':' with no whitespace but was "Upgrade "
            PRX-02 no colon                     | HTTP/1.1 101 OK\\r\\nUpgrade\\r\\n\\r\\n     | expected name ":" value but was "Upgrade"
            PRX-02 a bare CR in a value         | HTTP/1.1 101 OK\\r\\nUpgrade: a\\rb\\r\\n\\r\\n | expected no CR inside a line but was a bare CR at offset 10
            PRX-02 a NUL in a value             | HTTP/1.1 101 OK\\r\\nUpgrade: a\\u0000b\\r\\n\\r\\n | expected no control character in the value of Upgrade but was U+0000
            PRX-02 an empty first line          | \\r\\n\\r\\n                              | expected a status line but was an empty line
            """)
    void refusesAMalformedHead(String label, String head, String problem) {
        String text = head.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
        for (int piece : new int[] {1, 512}) {
            assertThatThrownBy(() -> backend(text, piece).readHead())
                    .isInstanceOfSatisfying(TunnelFailure.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.kind()).isEqualTo("bad-response");
                        assertThat(e.reason()).isEqualTo("Backend sent an invalid response head: " + problem);
                    });
        }
    }

    @Test
    @DisplayName("PRX-02 a head past the size limit is a 502 that names the limit")
    void refusesAHeadPastTheLimit() {
        assertThatThrownBy(() -> backend("HTTP/1.1 101 OK\r\nX-Big: " + "a".repeat(600) + "\r\n\r\n", 64).readHead())
                .isInstanceOfSatisfying(TunnelFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.kind()).isEqualTo("head-too-large");
                    assertThat(e.reason()).isEqualTo("Backend backend:80 sent a response head larger than 512 bytes");
                });
    }

    @Test
    @DisplayName("PRX-02 a backend that closes inside its head is a 502 that says so")
    void refusesAHeadCutShort() {
        assertThatThrownBy(() -> backend("HTTP/1.1 101 OK\r\nUpgrade: echo/1\r\n", 5).readHead())
                .isInstanceOfSatisfying(TunnelFailure.class, e -> assertThat(e.reason())
                        .isEqualTo("Backend backend:80 closed the connection inside its response head"));
    }
}
