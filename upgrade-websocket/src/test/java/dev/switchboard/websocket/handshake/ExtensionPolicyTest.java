package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExtensionPolicyTest {

    private static String accepted(ExtensionPolicy p, String... lines) {
        return WebSocketExtensions.of(p.negotiate(WebSocketExtensions.parse(List.of(lines)))).toHeaderValue();
    }

    @Test
    @DisplayName("WS-10 extensions that are not allowed are left out of the response")
    void unknownExtensionsAreIgnored() {
        assertThat(accepted(ExtensionPolicy.DEFAULT, "x-webkit-deflate-frame, permessage-deflate, foo; bar=1"))
                .isEqualTo("permessage-deflate");
    }

    @Test
    @DisplayName("WS-10 offers spread over several field lines are read in order")
    void severalLines() {
        assertThat(accepted(ExtensionPolicy.DEFAULT, "permessage-deflate; bogus",
                "permessage-deflate; client_no_context_takeover")).isEqualTo("permessage-deflate; client_no_context_takeover");
    }

    @Test
    @DisplayName("WS-10 extension names compare exactly: Permessage-Deflate is not accepted")
    void namesCompareExactly() {
        assertThat(accepted(ExtensionPolicy.DEFAULT, "Permessage-Deflate")).isEmpty();
    }

    @Test
    @DisplayName("WS-10 an empty allow-list accepts nothing")
    void emptyAllowList() {
        assertThat(accepted(ExtensionPolicy.NONE, "permessage-deflate")).isEmpty();
    }

    @Test
    void onlyNegotiableExtensionsCanBeAllowed() {
        assertThatThrownBy(() -> ExtensionPolicy.DEFAULT.withAllowed(List.of("x-foo")))
                .hasMessage("cannot allow extension \"x-foo\": Switchboard negotiates only [permessage-deflate]");
    }
}
