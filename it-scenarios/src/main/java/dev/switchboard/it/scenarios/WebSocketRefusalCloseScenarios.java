package dev.switchboard.it.scenarios;

import java.io.IOException;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.testing.WebSocketRequest;

/**
 * UPG-16 for the WebSocket module's handshake refusals (its guard's and its protocol's), each
 * followed in the same write by a pipelined request that must never be answered.
 */
public abstract class WebSocketRefusalCloseScenarios {

    public static WebArchive war() {
        return WebSocketDeployments.app("ws-refusal-close");
    }

    protected abstract ServerUnderTest server();

    private void refusedAndClosed(WebSocketRequest request, int status, String reason) throws IOException {
        Refused.andClosed(server(), request.text(), Refused.followUp(server()), status, reason);
    }

    private WebSocketRequest handshake() {
        return WebSocketRequest.to(server(), "p/echo");
    }

    @Test
    @DisplayName("UPG-16 a handshake over HTTP/1.0 gets 400 with Connection: close, and a pipelined request no answer")
    void http10Handshake() throws IOException {
        refusedAndClosed(handshake().version("HTTP/1.0"), 400, null);
    }

    @Test
    @DisplayName("UPG-16 a handshake with a bad Sec-WebSocket-Key gets 400 with Connection: close, and a pipelined request no answer")
    void badKey() throws IOException {
        refusedAndClosed(handshake().set("Sec-WebSocket-Key", "c2hvcnQ="), 400, null);
    }

    @Test
    @DisplayName("UPG-16 a cross-origin handshake gets 403 with Connection: close, and a pipelined request no answer")
    void crossOrigin() throws IOException {
        refusedAndClosed(handshake().field("Origin", "https://elsewhere.example"), 403, null);
    }

    @Test
    @DisplayName("UPG-16 a handshake of another version gets 426 with Connection: upgrade, close, and a pipelined request no answer")
    void otherVersion() throws IOException {
        Refused.andClosed(server(), handshake().set("Sec-WebSocket-Version", "8").text(), Refused.followUp(server()),
                426, null, "upgrade, close");
    }
}
