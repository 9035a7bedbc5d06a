package dev.switchboard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.SwitchboardFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.harness.FilterAnswer;
import dev.switchboard.servlet.harness.FilterHarness;
import jakarta.servlet.ServletException;

/**
 * The TLS policy's stages in the front door as a client sees them, without a container:
 * {@link SwitchboardFilter} finding this module's stages, with {@code /secure/*} protected,
 * each answer compared byte for byte.
 */
class TlsPolicyOnTheWireTest {

    private static FilterHarness harness;

    @BeforeAll
    static void start() throws ServletException {
        harness = FilterHarness.of(new SwitchboardFilter())
                .initParameter(TlsPolicyOptions.PROTECT, "/secure/*")
                .initParameter(UpgradeOptions.JMX, "false")
                .start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @DisplayName("TLS-05 a protected resource requested in cleartext gets 426 naming the TLS tokens, and is not served")
    void protectedInCleartext() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /secure/page HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertEquals("HTTP/1.1 426 Upgrade Required\r\nUpgrade: TLS/1.3, TLS/1.2, HTTP/1.1\r\nConnection: upgrade\r\n"
                + "Vary: Accept\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 73\r\n\r\n"
                + "This resource requires TLS. Use https://example.com/secure/page instead.\n", answer.wire());
        assertThat(answer.wasPassedOn()).isFalse();
    }

    @Test
    @DisplayName("a protected resource requested over TLS is passed on")
    void protectedOverTls() throws IOException, ServletException {
        FilterAnswer answer = harness.sendOverTls("GET /secure/page HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\n\r\n", answer.wire());
        assertThat(answer.wasPassedOn()).isTrue();
    }

    @Test
    @DisplayName("a resource outside the protected paths is passed on in cleartext")
    void unprotectedInCleartext() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET /page HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\n\r\n", answer.wire());
        assertThat(answer.wasPassedOn()).isTrue();
    }
}
