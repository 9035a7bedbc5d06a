package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.Http2Frames;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;

/**
 * H2C-01 on a connector where the container handles h2c itself, before any filter: it acts on
 * {@code Upgrade: h2c} only with exactly one {@code HTTP2-Settings} field and a
 * {@code Connection} field listing both {@code upgrade} and {@code HTTP2-Settings}; anything
 * else is served as HTTP/1.1. Switchboard leaves h2c to the container (H2C-04), so this holds
 * or not by the container alone: a test interface, implemented next to {@link H2cScenarios} by
 * the integration tests of containers whose h2c meets it (Tomcat). Jetty 12.1's does not, and
 * {@code docs/conformance-exceptions.md} says how.
 */
public interface H2cValidationScenarios {

    /** A cleartext connector where the container handles h2c. */
    ServerUnderTest h2c();

    @Test
    @DisplayName("H2C-01 a valid h2c request is switched by the container that speaks h2c")
    default void validH2cIsSwitchedByTheContainer() throws IOException {
        try (RawConnection c = RawConnection.open(h2c().base())) {
            c.send(get(h2c(), "x", "Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings", H2cScenarios.SETTINGS));
            ResponseHead head = c.readHead();
            assertThat(head.status()).isEqualTo(101);
            assertThat(head.values("Upgrade")).containsExactly("h2c");
            Http2Frames.sendPreface(c.output());
            String body = new String(Http2Frames.readStream1Content(c.input(), c.output()), StandardCharsets.UTF_8);
            assertThat(body).contains("protocol: HTTP/2.0\n");
        }
    }

    @Test
    @DisplayName("H2C-01 h2c without an HTTP2-Settings field is served as HTTP/1.1")
    default void h2cWithoutSettingsIsNotSwitched() throws IOException {
        assertServedAsHttp11(get(h2c(), "x", "Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings"));
    }

    @Test
    @DisplayName("H2C-01 h2c with two HTTP2-Settings fields is served as HTTP/1.1")
    default void h2cWithTwoSettingsIsNotSwitched() throws IOException {
        assertServedAsHttp11(get(h2c(), "x", "Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings",
                H2cScenarios.SETTINGS, H2cScenarios.SETTINGS));
    }

    @Test
    @DisplayName("H2C-01 h2c whose Connection does not list HTTP2-Settings is served as HTTP/1.1")
    default void h2cWithoutSettingsOptionIsNotSwitched() throws IOException {
        assertServedAsHttp11(get(h2c(), "x", "Upgrade: h2c", "Connection: Upgrade", H2cScenarios.SETTINGS));
    }

    private void assertServedAsHttp11(String request) throws IOException {
        try (RawConnection c = RawConnection.open(h2c().base())) {
            Response r = c.send(request).readResponse();
            assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(h2c().container().statusLine(200));
            assertThat(r.bodyText()).contains("protocol: HTTP/1.1\n").contains("upgrade: h2c\n");
        }
    }
}
