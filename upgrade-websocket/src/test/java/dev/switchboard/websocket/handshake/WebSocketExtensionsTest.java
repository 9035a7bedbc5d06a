package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.websocket.handshake.WebSocketExtension.Parameter;

class WebSocketExtensionsTest {

    @Test
    void offersKeepTheirOrderAndParameters() {
        WebSocketExtensions e = WebSocketExtensions.parse(
                "permessage-deflate; client_max_window_bits; server_max_window_bits=10, permessage-deflate");
        assertThat(e.list()).containsExactly(
                WebSocketExtension.of("permessage-deflate", Parameter.flag("client_max_window_bits"),
                        new Parameter("server_max_window_bits", "10")),
                WebSocketExtension.of("permessage-deflate"));
    }

    @Test
    void severalFieldLinesCombineInOrder() {
        WebSocketExtensions e = WebSocketExtensions.parse(List.of("x-first", "permessage-deflate, x-last"));
        assertThat(e.list()).extracting(WebSocketExtension::name)
                .containsExactly("x-first", "permessage-deflate", "x-last");
    }

    @Test
    void aQuotedValueIsUnquoted() {
        WebSocketExtension e = WebSocketExtensions.parse("permessage-deflate; server_max_window_bits=\"10\"").list().get(0);
        assertThat(e.parameter("server_max_window_bits")).contains(new Parameter("server_max_window_bits", "10"));
    }

    @Test
    void whitespaceAroundSemicolonsAndEqualsSignsIsAllowed() {
        WebSocketExtension e = WebSocketExtensions.parse("x ; a = 1 ;b").list().get(0);
        assertThat(e.parameters()).containsExactly(new Parameter("a", "1"), Parameter.flag("b"));
    }

    @Test
    void toHeaderValueWritesOneLine() {
        assertThat(WebSocketExtensions.parse(List.of("a;x=1", "b ;  y")).toHeaderValue()).isEqualTo("a; x=1, b; y");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an empty value                      | ''                          | expected at least one element but the list was empty",
        "a parameter without a name          | x; =1                       | expected token but was '=' at offset 3",
        "a quoted value that is no token     | x; a=\"b c\"                | the quoted value of parameter \"a\" at offset 5 is not a token once unquoted (RFC 6455 section 9.1)",
        "a comma inside a quoted value       | x; a=\"b,c\"                | the quoted value of parameter \"a\" at offset 5 is not a token once unquoted (RFC 6455 section 9.1)",
        "an unterminated quoted value        | x; a=\"b                    | expected '\"' but was end of field at offset 7",
        "a stray character                   | x y                         | expected ',' but was 'y' at offset 2",
        "a value without its name            | x; a=                       | expected token but was end of field at offset 5",
    })
    void malformedValuesAreBadRequests(String name, String value, String problem) {
        assertThatThrownBy(() -> WebSocketExtensions.parse(value))
                .isInstanceOfSatisfying(FieldSyntaxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Invalid Sec-WebSocket-Extensions field: " + problem);
                });
    }
}
