package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.servlet.harness.FilterAnswer;
import dev.switchboard.servlet.harness.FilterHarness;
import dev.switchboard.servlet.internal.transport.SessionUpgradeHandler;
import jakarta.servlet.ServletException;

/**
 * The front door as a client sees it, without a container: {@link SwitchboardFilter} with
 * {@code echo/1} enabled and the {@code Upgrade} field capped at 64 bytes, each request's whole
 * answer compared byte for byte. The same exchanges on Tomcat and Jetty, with their own
 * serialisation, are the integration scenarios'.
 */
class FrontDoorOnTheWireTest {

    private static FilterHarness harness;

    @BeforeAll
    static void start() throws ServletException {
        harness = FilterHarness.of(new SwitchboardFilter())
                .initParameter(UpgradeOptions.PROTOCOLS, "echo")
                .initParameter(UpgradeOptions.MAX_UPGRADE_FIELD_LENGTH, "64")
                .initParameter(UpgradeOptions.JMX, "false")
                .start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    static Stream<Arguments> answered() {
        return Stream.of(
                Arguments.of("UPG-06 an echo/1 offer is switched with a 101 naming echo/1 and Connection: upgrade",
                        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
                Arguments.of("UPG-13 a malformed Upgrade gets 400 with a one-line reason and Connection: close",
                        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1, /2\r\nConnection: upgrade\r\n\r\n",
                        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                        + "Content-Length: 62\r\n\r\nInvalid Upgrade field: expected token but was '/' at offset 8\n"),
                Arguments.of("an Upgrade field over maxUpgradeFieldLength gets 431 with a one-line reason",
                        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1, " + "x".repeat(64) + "\r\nConnection: upgrade\r\n\r\n",
                        "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
                        + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 53\r\n\r\n"
                        + "Upgrade field is 72 characters long; the limit is 64\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answered")
    void theFilterAnswersTheRequestItself(String label, String request, String expected)
            throws IOException, ServletException {
        FilterAnswer answer = harness.send(request);
        assertEquals(expected, answer.wire());
        assertThat(answer.wasPassedOn()).isFalse();
    }

    static Stream<Arguments> passedOn() {
        return Stream.of(
                Arguments.of("a request without Upgrade is passed on untouched", "GET /page HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("UPG-12 an offer of a protocol nobody registered is passed on as if Upgrade were absent",
                        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: foo/2\r\nConnection: upgrade\r\n\r\n"),
                Arguments.of("UPG-04 an Upgrade field in an HTTP/1.0 request is passed on, never switched",
                        "GET / HTTP/1.0\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
                Arguments.of("UPG-03 an offer without the upgrade connection option is passed on, never switched",
                        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: keep-alive\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passedOn")
    void theFilterPassesTheRequestOn(String label, String request) throws IOException, ServletException {
        FilterAnswer answer = harness.send(request);
        assertEquals("HTTP/1.1 200 OK\r\n\r\n", answer.wire());
        assertThat(answer.wasPassedOn()).isTrue();
        assertThat(answer.upgrades()).isEmpty();
    }

    @Test
    @DisplayName("UPG-06 the switched connection is handed to the engine's handler, created once")
    void switchCreatesOneHandler() throws IOException, ServletException {
        FilterAnswer answer = harness.send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
        assertThat(answer.upgrades()).singleElement().isInstanceOf(SessionUpgradeHandler.class);
    }
}
