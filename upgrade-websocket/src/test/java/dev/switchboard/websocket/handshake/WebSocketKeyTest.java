package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.HttpStatusException;

class WebSocketKeyTest {

    @Test
    @DisplayName("WS-08 the accept of RFC 6455's sample key is s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    void acceptOfTheRfcSampleKey() {
        assertThat(WebSocketKey.parse("dGhlIHNhbXBsZSBub25jZQ==").accept()).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    @DisplayName("WS-05 a key with surrounding whitespace is read without it")
    void surroundingWhitespaceIsIgnored() {
        assertThat(WebSocketKey.parse(" dGhlIHNhbXBsZSBub25jZQ== ").value()).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-05 a key that is not the canonical base64 of 16 bytes gets 400")
    @CsvSource(delimiter = '|', value = {
        "WS-05 an empty key gets 400                       | ''                           | expected 24 base64 characters but was 0",
        "WS-05 a key of 15 bytes gets 400                  | dGhlIHNhbXBsZSBub25jZQ       | expected 24 base64 characters but was 22",
        "WS-05 a key of 17 bytes gets 400                  | dGhlIHNhbXBsZSBub25jZQAA==   | expected 24 base64 characters but was 26",
        "WS-05 a key of 24 characters but 18 bytes gets 400| dGhlIHNhbXBsZSBub25jZQAA     | decodes to 18",
        "WS-05 a key with a non-base64 character gets 400  | dGhlIHNhbXBsZSBub25jZQ=!     | is not base64",
        "WS-05 a base64url key gets 400                    | dGhlIHNhbXBsZSBub25jZQ-_     | is not base64",
        "WS-05 a key with non-zero padding bits gets 400   | dGhlIHNhbXBsZSBub25jZR==     | not canonical base64",
    })
    void invalidKeysAreRefused(String name, String key, String reason) {
        assertThatThrownBy(() -> WebSocketKey.parse(key))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).startsWith("Invalid Sec-WebSocket-Key field: ").contains(reason);
                });
    }

    @Test
    @DisplayName("WS-05 a missing key gets 400")
    void missingKeyIsRefused() {
        assertThatThrownBy(() -> WebSocketKey.parse(List.of()))
                .hasMessage("Invalid Sec-WebSocket-Key field: the field is missing");
    }

    @Test
    @DisplayName("WS-05 two key field lines get 400, even when both are valid")
    void twoKeysAreRefused() {
        assertThatThrownBy(() -> WebSocketKey.parse(List.of("dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBsZSBub25jZQ==")))
                .hasMessage("Invalid Sec-WebSocket-Key field: expected one field line but was 2");
    }
}
