package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Sample;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Stats;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * Scenario 5: how long a new client waits for its first response when it upgrades a cleartext
 * connection to TLS (RFC 2817, {@code upgrade-tls-filter}) against a direct HTTPS connection to
 * the same Tomcat, same key store, same servlet. One connection at a time, from one thread: a
 * latency, not a load. The JDK's TLS client does a full handshake every time (its session is
 * invalidated, so neither side resumes).
 */
public final class Rfc2817Scenario implements Scenario {

    private static final String NAME = "5. RFC 2817: time to first response";
    private static final Target TARGET = Target.atMost(1.2);

    @Override
    public String name() {
        return "rfc2817";
    }

    @Override
    public String title() {
        return NAME + " (Tomcat)";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(TlsDeployments.tlsApp("tls",
                Map.of("switchboard.tls.handshakeTimeout", "10s", "switchboard.jmx", "false",
                        "switchboard.tls.optionalUpgrade", "/secure/*")))) {
            TestKeyStore keys = TestKeyStore.shared();
            int httpsPort = dev.switchboard.testing.tls.TomcatHttps.addConnector(tomcat.tomcat().getService(), 0, keys);
            int plainPort = tomcat.server().base().getPort();
            String path = tomcat.server().path("secure/page");
            SSLContext client = keys.clientContext();
            Interleaved pairs = Interleaved.run("RFC 2817", plan,
                    d -> measure(d, () -> direct(client, httpsPort, path)),
                    d -> measure(d, () -> upgraded(client, plainPort, path)));
            List<Row> rows = List.of(
                    Row.compared(NAME, "ms to first response (median)", "%.2f", pairs, "median", TARGET),
                    Row.compared(NAME, "ms to first response (p90)", "%.2f", pairs, "p90", null));
            String details = String.format("""
                    Embedded Tomcat %s with `upgrade-servlet` and `upgrade-tls-filter` (RFC 2817 on, its \
                    optional form for `/secure/*`, which is protected) and an HTTPS connector with the same key \
                    store, added after the application started. Baseline: a new \
                    TLS connection to the HTTPS connector, then `GET %s`. Candidate: a new cleartext connection \
                    with `GET %2$s`, `Upgrade: TLS/1.2` and `Connection: upgrade`, the 101 (read as a client that \
                    buffers reads it, not a byte per read call), the TLS handshake on the same socket, and the \
                    response to that request over TLS. Both use the JDK's TLS client \
                    with host name verification, one connection at a time; each run takes as many connections \
                    as fit in it, and the figure of a run is the median (or 90th percentile) of its connections.
                    """, org.apache.catalina.util.ServerInfo.getServerNumber(), path);
            return new Section(title(), rows, details);
        }
    }

    @FunctionalInterface
    interface Exchange {
        void run() throws IOException;
    }

    static Sample measure(Duration duration, Exchange exchange) throws IOException {
        List<Double> millis = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            exchange.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return new Sample().put("median", Stats.of(millis).median())
                .put("p90", millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.9) - 1)))
                .put("connections", millis.size());
    }

    /** A direct HTTPS connection: TLS handshake, then the request, then its response. */
    static void direct(SSLContext context, int port, String path) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true); // as every socket of the scenario: no Nagle delay on small writes
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        SSLSocket tls = Rfc2817Client.layer(socket, context, "127.0.0.1", port);
        try (RawConnection c = RawConnection.over(tls)) {
            tls.startHandshake();
            c.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
            expectOk(c.readResponse().head());
            tls.getSession().invalidate();
        }
    }

    /** RFC 2817: the request with Upgrade in cleartext, the 101, TLS on the same socket, the response over TLS. */
    static void upgraded(SSLContext context, int port, String path) throws IOException {
        try (RawConnection plain = RawConnection.open("127.0.0.1", port)) {
            plain.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = SwitchResponse.read(plain.socket());
            if (head.status() != 101) {
                throw new IOException("expected a 101 but got " + head.statusLine());
            }
            SSLSocket tls = Rfc2817Client.layer(plain.socket(), context, "127.0.0.1", port);
            try (RawConnection c = RawConnection.over(tls)) {
                tls.startHandshake();
                expectOk(c.readResponse().head());
                tls.getSession().invalidate();
            }
        }
    }

    static void expectOk(ResponseHead head) throws IOException {
        if (head.status() != 200) {
            throw new IOException("expected a 200 but got " + head.statusLine());
        }
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "ms to first response (median)", TARGET.toString(), reason));
    }
}
