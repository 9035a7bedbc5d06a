package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.testing.tls.TomcatHttps;
import dev.switchboard.tomcat.tls.ConnectorTls;

/**
 * Scenario 5b: the time a new client waits for its first application response when it
 * upgrades with RFC 2817's mandatory form at the connector ({@code upgrade-tomcat}:
 * {@code OPTIONS *}, 101, TLS, the {@code OPTIONS} response, then its request), against a direct
 * HTTPS connection to the same Tomcat, same key store, same servlet. One connection at a time.
 */
public final class ConnectorRfc2817Scenario implements Scenario {

    private static final String NAME = "5b. RFC 2817 at the connector: time to first response";
    private static final Target TARGET = Target.atMost(1.2);

    @Override
    public String name() {
        return "rfc2817-connector";
    }

    @Override
    public String title() {
        return NAME + " (Tomcat)";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        TestKeyStore keys = TestKeyStore.shared();
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.builder(TlsDeployments.tlsApp("tls",
                        Map.of("switchboard.protocols", "echo", "switchboard.jmx", "false")))
                .connector("rfc2817", c -> new ConnectorTls().keystore(keys.file(), keys.password()).install(c))
                .start()) {
            int httpsPort = TomcatHttps.addConnector(tomcat.tomcat().getService(), 0, keys);
            int plainPort = tomcat.server("rfc2817").base().getPort();
            String path = tomcat.server().path("secure/page");
            SSLContext client = keys.clientContext();
            Interleaved pairs = Interleaved.run("RFC 2817 at the connector", plan,
                    d -> Rfc2817Scenario.measure(d, () -> Rfc2817Scenario.direct(client, httpsPort, path)),
                    d -> Rfc2817Scenario.measure(d, () -> upgraded(client, plainPort, path)));
            List<Row> rows = List.of(
                    Row.compared(NAME, "ms to first response (median)", "%.2f", pairs, "median", TARGET),
                    Row.compared(NAME, "ms to first response (p90)", "%.2f", pairs, "p90", null));
            String details = String.format("""
                    Embedded Tomcat %s with `upgrade-tomcat`'s `ConnectorTls` on a cleartext connector (the \
                    decrypted stream enters an internal secure connector over a loopback link) and an HTTPS \
                    connector with the same key store. Baseline: a new TLS connection to the HTTPS connector, \
                    then `GET %s`. Candidate: a new cleartext connection with `OPTIONS *`, \
                    `Upgrade: TLS/1.2,TLS/1.1,TLS/1.0` and `Connection: upgrade` (what CUPS sends), the 101 (read \
                    in as few reads as it arrives in, as CUPS reads it), \
                    the TLS handshake on the same socket, the `OPTIONS` response over TLS, then `GET %2$s` and \
                    its response. TCP_NODELAY on every socket (clients, Tomcat's connectors, the link); the \
                    JDK's TLS client with host name verification and no session resumption, one connection at \
                    a time; the figure of a run is the median (or 90th percentile) of its connections. The HTTPS \
                    connector picks its key through the JDK's PKIX key manager on every handshake, Switchboard \
                    by alias through SunX509: a ratio below 1 comes from that, not from the extra loopback hop.
                    """, org.apache.catalina.util.ServerInfo.getServerNumber(), path);
            return new Section(title(), rows, details);
        }
    }

    /** The mandatory upgrade, then the request over TLS, timed to its response. */
    static void upgraded(SSLContext context, int port, String path) throws IOException {
        try (RawConnection plain = RawConnection.open("127.0.0.1", port)) {
            plain.send("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: TLS/1.2,TLS/1.1,TLS/1.0\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = SwitchResponse.read(plain.socket());
            if (head.status() != 101) {
                throw new IOException("expected a 101 but got " + head.statusLine());
            }
            SSLSocket tls = Rfc2817Client.layer(plain.socket(), context, "127.0.0.1", port);
            try (RawConnection c = RawConnection.over(tls)) {
                tls.startHandshake();
                c.readResponse();
                c.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
                Rfc2817Scenario.expectOk(c.readResponse().head());
                tls.getSession().invalidate();
            }
        }
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "ms to first response (median)", TARGET.toString(), reason));
    }
}
