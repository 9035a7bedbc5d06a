package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.HttpStatusException;

class ResponseHeadParserTest {

    private static BackendResponse parse(String head) {
        byte[] b = head.getBytes(StandardCharsets.ISO_8859_1);
        int end = ResponseHeadParser.endOfHead(b, 0, b.length);
        assertThat(end).as("end of head").isEqualTo(b.length);
        return ResponseHeadParser.parse(b, end);
    }

    @Test
    @DisplayName("A 101 with its fields, in order, names as sent and values trimmed")
    void parsesA101() {
        BackendResponse r = parse("HTTP/1.1 101 Switching Protocols\r\nUpgrade:  websocket \r\n"
                + "connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
        assertThat(r.status()).isEqualTo(101);
        assertThat(r.reason()).isEqualTo("Switching Protocols");
        assertThat(r.values("upgrade")).containsExactly("websocket");
        assertThat(r.values("Connection")).containsExactly("Upgrade");
        assertThat(r.fields()).hasSize(3);
    }

    @Test
    @DisplayName("An empty reason phrase, with or without its space, is accepted (RFC 9112 section 4)")
    void emptyReason() {
        assertThat(parse("HTTP/1.1 101 \r\n\r\n").reason()).isEmpty();
        assertThat(parse("HTTP/1.1 200\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Bare LF line ends are accepted (RFC 9112 section 2.2)")
    void bareLf() {
        assertThat(parse("HTTP/1.1 101 OK\nUpgrade: echo/1\n\n").values("Upgrade")).containsExactly("echo/1");
    }

    @Test
    @DisplayName("The end of the head is not found before its empty line")
    void incompleteHead() {
        byte[] b = "HTTP/1.1 101 OK\r\nUpgrade: echo/1\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ResponseHeadParser.endOfHead(b, 0, b.length)).isEqualTo(-1);
    }

    @Test
    @DisplayName("Bytes after the empty line are not part of the head")
    void bytesAfterTheHead() {
        byte[] b = "HTTP/1.1 101 OK\r\n\r\nframe".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ResponseHeadParser.endOfHead(b, 0, b.length)).isEqualTo(b.length - 5);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("PRX-02 a malformed head is a 502 with a one-line reason, never a switch")
    @CsvSource(delimiter = '|', textBlock = """
            PRX-02 not HTTP/1.x                 | HTTP/2 101 OK\\r\\n\\r\\n                 | expected a status line
            PRX-02 letters in the status        | HTTP/1.1 1O1 OK\\r\\n\\r\\n               | expected a status line
            PRX-02 a two-digit status           | HTTP/1.1 99 OK\\r\\n\\r\\n                | expected a status line
            PRX-02 no space after the version   | HTTP/1.1101 OK\\r\\n\\r\\n                | expected a status line
            PRX-02 a folded line                | HTTP/1.1 101 OK\\r\\nUpgrade: a\\r\\n b\\r\\n\\r\\n | a folded field line
            PRX-02 space before the colon       | HTTP/1.1 101 OK\\r\\nUpgrade : a\\r\\n\\r\\n | expected a field line
            PRX-02 no colon                     | HTTP/1.1 101 OK\\r\\nUpgrade\\r\\n\\r\\n     | expected a field line
            PRX-02 a bare CR in a value         | HTTP/1.1 101 OK\\r\\nUpgrade: a\\rb\\r\\n\\r\\n | a bare CR
            PRX-02 a NUL in a value             | HTTP/1.1 101 OK\\r\\nUpgrade: a\\u0000b\\r\\n\\r\\n | a control character
            PRX-02 an empty first line          | \\r\\n\\r\\n                              | an empty line where the status line belongs
            """)
    void rejects(String label, String head, String problem) {
        String text = head.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        int end = ResponseHeadParser.endOfHead(b, 0, b.length);
        assertThatThrownBy(() -> ResponseHeadParser.parse(b, end))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.reason()).startsWith("Backend sent an invalid response head: ").contains(problem)
                            .doesNotContain("\r").doesNotContain("\n");
                });
    }
}
