package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.websocket.handshake.HandshakeException;
import dev.switchboard.websocket.handshake.TestHead;

class HandshakeGuardTest {

    @Test
    @DisplayName("WS-01 an HTTP/1.0 request offering websocket is refused, though negotiation would ignore it")
    void http10() {
        assertThatThrownBy(() -> HandshakeGuard.check(TestHead.handshake().protocol("HTTP/1.0")))
                .isInstanceOf(HandshakeException.class)
                .hasMessageContaining("needs HTTP/1.1 or later");
    }

    @Test
    @DisplayName("WS-04 a request offering websocket without Connection: upgrade is refused, though negotiation would ignore it")
    void noUpgradeOption() {
        assertThatThrownBy(() -> HandshakeGuard.check(TestHead.handshake().set("Connection", "keep-alive")))
                .isInstanceOf(HandshakeException.class)
                .hasMessageContaining("Connection does not list the upgrade option");
    }

    @Test
    void aValidHandshakeIsLeftToTheProtocol() {
        assertThatCode(() -> HandshakeGuard.check(TestHead.handshake())).doesNotThrowAnyException();
    }

    @Test
    void otherProtocolsAreLeftAlone() {
        assertThatCode(() -> HandshakeGuard.check(TestHead.handshake().set("Upgrade", "h2c").set("Connection", "keep-alive")))
                .doesNotThrowAnyException();
    }

    @Test
    void malformedFieldsAreLeftToNegotiation() {
        assertThatCode(() -> HandshakeGuard.check(TestHead.handshake().set("Upgrade", "websocket/").set("Connection", "x")))
                .doesNotThrowAnyException();
    }

    @Test
    void http2IsLeftToNegotiation() {
        assertThatCode(() -> HandshakeGuard.check(TestHead.handshake().protocol("HTTP/2.0").without("Connection")))
                .doesNotThrowAnyException();
    }
}
