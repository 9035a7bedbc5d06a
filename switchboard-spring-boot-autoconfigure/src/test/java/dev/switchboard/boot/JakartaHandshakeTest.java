package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Where Jetty's WebSocket server is absent (these tests run on Tomcat) Spring's default handshake
 * already goes through the Jakarta API and is left alone; the sample on Jetty shows the swap.
 */
class JakartaHandshakeTest {

    @Test
    void springsDefaultHandshakeWithoutJettyIsLeftAsItIs() {
        HandshakeHandler spring = new DefaultHandshakeHandler();

        assertThat(JakartaHandshake.of(spring)).isSameAs(spring);
    }

    @Test
    void aHandshakeHandlerOfTheApplicationsOwnIsLeftAsItIs() {
        HandshakeHandler own = new DefaultHandshakeHandler() {
        };

        assertThat(JakartaHandshake.of(own)).isSameAs(own);
    }
}
