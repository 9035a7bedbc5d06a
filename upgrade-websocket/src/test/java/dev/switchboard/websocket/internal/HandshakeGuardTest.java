package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.UpgradeField;
import dev.switchboard.websocket.handshake.HandshakeException;
import dev.switchboard.websocket.handshake.TestHead;

class HandshakeGuardTest {

    @Test
    @DisplayName("WS-01 an HTTP/1.0 request offering websocket is refused, though negotiation would ignore it")
    void http10() {
        assertThatThrownBy(() -> guard(TestHead.handshake().protocol("HTTP/1.0")))
                .isInstanceOf(HandshakeException.class)
                .hasMessageContaining("needs HTTP/1.1 or later");
    }

    @Test
    @DisplayName("WS-04 a request offering websocket without Connection: upgrade is refused, though negotiation would ignore it")
    void noUpgradeOption() {
        assertThatThrownBy(() -> guard(TestHead.handshake().set("Connection", "keep-alive")))
                .isInstanceOf(HandshakeException.class)
                .hasMessageContaining("Connection does not list the upgrade option");
    }

    @Test
    void aValidHandshakeIsLeftToTheProtocol() {
        assertThatCode(() -> guard(TestHead.handshake())).doesNotThrowAnyException();
    }

    @Test
    void otherProtocolsAreLeftAlone() {
        assertThatCode(() -> guard(TestHead.handshake().set("Upgrade", "h2c").set("Connection", "keep-alive")))
                .doesNotThrowAnyException();
    }

    @Test
    void malformedFieldsAreLeftToNegotiation() {
        assertThatCode(() -> guard(TestHead.handshake().set("Upgrade", "websocket/").set("Connection", "x")))
                .doesNotThrowAnyException();
    }

    @Test
    void http2IsLeftToNegotiation() {
        assertThatCode(() -> guard(TestHead.handshake().protocol("HTTP/2.0").without("Connection")))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a field over the context's limit is not read by the guard: the limit of negotiation applies")
    void overTheContextsLimit() {
        TestHead head = TestHead.handshake().protocol("HTTP/1.0").set("Upgrade", "websocket, " + "x".repeat(40));
        assertThatCode(() -> HandshakeGuard.check(head,
                UpgradeField.read(head.fieldLines(HttpSpec.UPGRADE), new NegotiationLimits(32, 16)).offeredOrNull()))
                .doesNotThrowAnyException();
    }

    /** The guard with the field read as the front door reads it, under the default limits. */
    private static void guard(RequestHead head) {
        HandshakeGuard.check(head,
                UpgradeField.read(head.fieldLines(HttpSpec.UPGRADE), NegotiationLimits.DEFAULT).offeredOrNull());
    }
}
