package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.FieldSyntaxException;

class SubprotocolsTest {

    @Test
    void severalLinesCombineInOrderWithOptionalWhitespaceAndEmptyElements() {
        Subprotocols s = Subprotocols.parse(List.of(" chat.v2 ,, chat.v1", "mqtt"));
        assertThat(s.offered()).containsExactly("chat.v2", "chat.v1", "mqtt");
        assertThat(s.toHeaderValue()).isEqualTo("chat.v2, chat.v1, mqtt");
    }

    @Test
    void noLinesMeanNoOffer() {
        assertThat(Subprotocols.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void subprotocolsCompareCaseSensitively() {
        assertThat(Subprotocols.parse("Chat").contains("chat")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an empty value            | ''             | expected at least one element but the list was empty",
        "a repeated subprotocol    | chat, chat     | subprotocol \"chat\" is offered twice",
        "a quoted subprotocol      | \"chat\"       | expected token but was '\"' at offset 0",
        "a subprotocol with space  | chat v2        | expected ',' but was 'v' at offset 5",
        "a separator in a name     | chat/2         | expected ',' but was '/' at offset 4",
    })
    void malformedOffersAreBadRequests(String name, String value, String problem) {
        assertThatThrownBy(() -> Subprotocols.parse(value))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Invalid Sec-WebSocket-Protocol field: " + problem);
                });
    }
}
