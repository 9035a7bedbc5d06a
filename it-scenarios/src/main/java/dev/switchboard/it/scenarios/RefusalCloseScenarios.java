package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static dev.switchboard.it.scenarios.Requests.head;
import static dev.switchboard.it.scenarios.Requests.upgrade;

import java.io.IOException;
import java.util.Collections;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.app.RefuseProtocol;

/**
 * UPG-16 for the refusals of {@code UpgradeFilter} and of a protocol's decision: each is
 * followed in the same write by a pipelined request, which must never be answered.
 */
public abstract class RefusalCloseScenarios {

    public static WebArchive war() {
        return Deployments.upgradeApp("refusal-close");
    }

    protected abstract ServerUnderTest server();

    private void refusedAndClosed(String request, int status, String reason) throws IOException {
        Refused.andClosed(server(), request, Refused.followUp(server()), status, reason);
    }

    @Test
    @DisplayName("UPG-16 a malformed Upgrade gets 400 with Connection: close, and a pipelined request no answer")
    void malformedUpgrade() throws IOException {
        refusedAndClosed(upgrade(server(), "x", "echo/1, \"quoted\""), 400,
                "Invalid Upgrade field: expected token but was '\"' at offset 8");
    }

    @Test
    @DisplayName("UPG-16 a malformed Connection in an upgrade request gets 400 with Connection: close, and a pipelined request no answer")
    void malformedConnection() throws IOException {
        refusedAndClosed(get(server(), "x", "Upgrade: echo/1", "Connection: upgrade, \"x\""), 400,
                "Invalid Connection field: expected token but was '\"' at offset 9");
    }

    @Test
    @DisplayName("UPG-16 an overlong Upgrade gets 431 with Connection: close, and a pipelined request no answer")
    void overlongUpgrade() throws IOException {
        refusedAndClosed(upgrade(server(), "x", "a".repeat(1100)), 431,
                "Upgrade field is 1100 characters long; the limit is 1024");
    }

    @Test
    @DisplayName("UPG-16 too many offered protocols get 431 with Connection: close, and a pipelined request no answer")
    void tooManyProtocols() throws IOException {
        refusedAndClosed(upgrade(server(), "x", String.join(", ", Collections.nCopies(17, "p/1"))), 431,
                "Upgrade field lists 17 protocols; the limit is 16");
    }

    @Test
    @DisplayName("UPG-16 content over the limit gets 413 with Connection: close, and a pipelined request no answer")
    void contentOverTheLimit() throws IOException {
        refusedAndClosed(head("POST", server().path("x"), "HTTP/1.1", server().host(), "Upgrade: content/1",
                "Connection: upgrade", "Content-Length: 70000") + "x".repeat(70000), 413,
                "Upgrade request content exceeds the limit of 65536 bytes");
    }

    @Test
    @DisplayName("UPG-16 a protocol's refusal gets its status with Connection: close, and a pipelined request no answer")
    void protocolRefusal() throws IOException {
        refusedAndClosed(upgrade(server(), "x", "refuse/1"), 403, RefuseProtocol.REASON);
    }

    @Test
    @DisplayName("UPG-16 bytes meant for the refused protocol are never read as a request")
    void protocolBytesAfterARefusal() throws IOException {
        Refused.andClosed(server(), upgrade(server(), "x", "refuse/1"),
                "GET " + server().path("smuggled") + " HTTP/1.1\r\nHost: " + server().host() + "\r\n\r\n", 403,
                RefuseProtocol.REASON);
    }
}
