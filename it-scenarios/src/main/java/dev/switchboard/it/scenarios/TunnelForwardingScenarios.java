package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * PRX-07 with {@code switchboard.proxy.forwarding} set to one family or to none: the client's
 * own forwarding fields never reach the backend (it is no trusted proxy), and neither family
 * this hop does not write, since a backend that reads them would take the client's word for
 * its address, scheme and host. Asserted on
 * the wire at the backend, head byte for byte. Each integration test class names its setting
 * and deploys {@code ProxyDeployments.gateway(name, TunnelForwardingScenarios.contextParams(forwarding()))}.
 */
public abstract class TunnelForwardingScenarios {

    private static ScriptedBackend backend;

    /** The gateway deployed with {@link #contextParams(String)} for {@link #forwarding()}. */
    protected abstract ServerUnderTest server();

    /** The setting under test: {@code forwarded}, {@code x-forwarded} or {@code none}. */
    protected abstract String forwarding();

    public static Map<String, String> contextParams(String forwarding) {
        return Map.of("switchboard.proxy.forwarding", forwarding);
    }

    @BeforeAll
    static void startBackend() throws IOException {
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
    }

    @Test
    @DisplayName("PRX-07 the forwarding fields of a peer that is no trusted proxy are dropped, this hop's own are written")
    void dropsTheFamiliesNotWritten() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            // Field names of pass-through fields in lower case: Tomcat 10.1 reports them so.
            client.send(Requests.get(s, "raw/x", "Upgrade: echo/1", "Connection: upgrade",
                    "Forwarded: for=192.0.2.60;proto=https", "X-Forwarded-For: 192.0.2.60",
                    "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example", "X-Forwarded-Port: 443",
                    "x-forwarded-prefix: /evil", "Via: 1.0 edge", "x-end: kept"));
            try (BackendPeer peer = backend.accept()) {
                assertThat(peer.readHead()).isEqualTo("GET " + s.path("raw/x") + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + ProxyBackends.RAW_PORT + "\r\n"
                        + "x-end: kept\r\n"
                        + "Upgrade: echo/1\r\n"
                        + "Connection: upgrade\r\n"
                        + thisHop()
                        + "Via: 1.0 edge, 1.1 switchboard\r\n"
                        + "\r\n");
                // The exchange ends before the test does, so no request is in flight when the gateway stops.
                peer.send("HTTP/1.1 204 No Content\r\n\r\n");
                assertThat(client.readResponse().status()).isEqualTo(204);
            }
        }
    }

    /** The forwarding fields this hop writes for {@link #forwarding()}. */
    private String thisHop() {
        ServerUnderTest s = server();
        return switch (forwarding()) {
            case "forwarded" -> "Forwarded: for=127.0.0.1;host=\"" + s.host() + "\";proto=http\r\n";
            case "x-forwarded" -> "X-Forwarded-For: 127.0.0.1\r\n"
                    + "X-Forwarded-Proto: http\r\n"
                    + "X-Forwarded-Host: " + s.host() + "\r\n"
                    + "X-Forwarded-Port: " + s.base().getPort() + "\r\n";
            case "none" -> "";
            default -> throw new IllegalStateException("unknown forwarding setting " + forwarding());
        };
    }
}
