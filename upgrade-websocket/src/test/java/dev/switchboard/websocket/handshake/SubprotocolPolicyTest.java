package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubprotocolPolicyTest {

    @Test
    @DisplayName("WS-09 client preference chooses the first offered subprotocol that is supported")
    void clientPreference() {
        SubprotocolPolicy p = SubprotocolPolicy.clientPreference("chat.v2", "chat.v1");
        assertThat(p.select(Subprotocols.parse("chat.v1, chat.v2"))).contains("chat.v1");
    }

    @Test
    @DisplayName("WS-09 server preference chooses the first supported subprotocol that is offered")
    void serverPreference() {
        SubprotocolPolicy p = SubprotocolPolicy.serverPreference("chat.v2", "chat.v1");
        assertThat(p.select(Subprotocols.parse("chat.v1, chat.v2"))).contains("chat.v2");
    }

    @Test
    @DisplayName("WS-09 subprotocols compare case-sensitively: Chat.V2 does not match chat.v2")
    void caseSensitive() {
        SubprotocolPolicy p = SubprotocolPolicy.serverPreference("chat.v2");
        assertThat(p.select(Subprotocols.parse("Chat.V2"))).isEmpty();
    }

    @Test
    @DisplayName("WS-09 no agreement is no subprotocol when none is required")
    void noAgreementIsNothing() {
        assertThat(SubprotocolPolicy.serverPreference("chat.v2").select(Subprotocols.parse("mqtt"))).isEmpty();
    }

    @Test
    @DisplayName("WS-09 a required subprotocol that is not agreed gets 400 naming what was offered and supported")
    void requiredAndNoneAgreed() {
        SubprotocolPolicy p = SubprotocolPolicy.serverPreference("chat.v2", "chat.v1").withRequired(true);
        assertThatThrownBy(() -> p.select(Subprotocols.parse("mqtt")))
                .isInstanceOfSatisfying(HandshakeException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("This endpoint requires a subprotocol, but none of the offered "
                            + "subprotocols [mqtt] is supported; supported: [chat.v2, chat.v1]");
                });
    }

    @Test
    @DisplayName("WS-09 a required subprotocol with no offer at all gets 400")
    void requiredAndNothingOffered() {
        SubprotocolPolicy p = SubprotocolPolicy.serverPreference("chat.v2").withRequired(true);
        assertThatThrownBy(() -> p.select(Subprotocols.none()))
                .hasMessage("This endpoint requires a subprotocol, but no subprotocol was offered; supported: [chat.v2]");
    }

    @Test
    void aSubprotocolThatIsNotATokenCannotBeSupported() {
        assertThatThrownBy(() -> SubprotocolPolicy.serverPreference("chat v2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containerSuppliedListIsUsedWithThePolicysSelection() {
        SubprotocolPolicy p = SubprotocolPolicy.none().withSelection(SubprotocolPolicy.Selection.SERVER_PREFERENCE);
        assertThat(p.select(List.of("b", "a"), List.of("a", "b"))).contains("b");
    }
}
