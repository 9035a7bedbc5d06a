package dev.switchboard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * The bridge's identity holds when the container reports remote addresses from
 * {@code X-Forwarded-For}: with Tomcat's {@code RemoteIpValve} (whose defaults trust
 * loopback and private addresses), a client that connects from the very port of a live
 * bridge socket and claims {@code X-Forwarded-For: 127.0.0.1} looks, by address and port,
 * exactly like the bridge. It must still get the 426.
 */
class BridgeIdentityTest {

    @Test
    @DisplayName("TLS-09 a client that claims a live bridge socket's address and port is not taken for the bridge")
    void aClientClaimingTheBridgesAddressAndPortGets426() throws Exception {
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(TlsDeployments.tlsApp("identity",
                Map.of(TlsUpgradeOptions.OPTIONAL_UPGRADE, "/*")))) {
            tomcat.tomcat().getEngine().getPipeline().addValve(new RemoteIpValve());
            ServerUnderTest s = tomcat.server();
            int connector = s.base().getPort();
            try (RawConnection c = RawConnection.open(s.base());
                    RawConnection tls = upgrade(s, c)) {
                assertThat(tls.readResponse().status()).isEqualTo(200);
                int bridgePort = bridgePort(connector, c.socket().getLocalPort());

                try (Socket forger = new Socket()) {
                    forger.bind(new InetSocketAddress("127.0.0.2", bridgePort));
                    forger.connect(new InetSocketAddress("127.0.0.1", connector), 10_000);
                    RawConnection attack = RawConnection.over(forger);
                    attack.send("GET " + s.path("secure/page") + " HTTP/1.1\r\nHost: " + s.host()
                            + "\r\nX-Forwarded-For: 127.0.0.1\r\n\r\n");
                    RawConnection.Response r = attack.readResponse();
                    assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
                }
            }
        }
    }

    /** The client's context is made before the request: the server's handshake timeout runs from the 101. */
    private static RawConnection upgrade(ServerUnderTest s, RawConnection c) throws IOException {
        SSLContext client = TestKeyStore.shared().clientContext();
        c.send("GET " + s.path("secure/page") + " HTTP/1.1\r\nHost: " + s.host()
                + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
        assertThat(c.readHead().status()).isEqualTo(101);
        return Rfc2817Client.startTls(c, client, s.base().getHost(), s.base().getPort());
    }

    /**
     * The local port of the one established loopback connection to {@code connector} that is
     * not the test's own ({@code clientPort}): the bridge socket. Read from the kernel's
     * tables, {@code /proc/net/tcp} and {@code /proc/net/tcp6} (the JDK's sockets are
     * dual-stack, so IPv4 loopback connections may be listed as IPv4-mapped IPv6).
     */
    private static int bridgePort(int connector, int clientPort) throws IOException {
        String remotePort = String.format(Locale.ROOT, ":%04X", connector);
        List<Integer> ports = new ArrayList<>();
        for (String name : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path table = Path.of(name);
            assertThat(table).as("this test reads Linux's socket tables").exists();
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[2].endsWith("0100007F" + remotePort) && f[3].equals("01")
                        && f[1].contains("0100007F:")) {
                    int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    if (port != clientPort) {
                        ports.add(port);
                    }
                }
            }
        }
        assertThat(ports).as("one bridge socket to the connector").hasSize(1);
        return ports.get(0);
    }
}
