package dev.switchboard.bench.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * Faults on the RFC 2817 bridge ({@code upgrade-tls-filter} on an embedded Tomcat 11, in this
 * JVM): a client that upgrades with {@code Upgrade: TLS/1.2}, pipelines {@value #PIPELINED}
 * requests over TLS and then stops reading (for a while, or for good), or is reset. Every
 * response to a request the client waits for must arrive; a client that never reads again is
 * closed by {@code switchboard.idleTimeout}; descriptors return to where they were.
 */
final class BridgeFaults {

    private static final int PIPELINED = 99;
    private static final String IDLE_TIMEOUT_SECONDS = "3";

    private final EmbeddedTomcat tomcat;
    private final SSLContext client = TestKeyStore.shared().clientContext();

    private BridgeFaults(EmbeddedTomcat tomcat) {
        this.tomcat = tomcat;
    }

    static List<FaultRow> run() throws Exception {
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(TlsDeployments.tlsApp("tls", Map.of(
                "switchboard.tls.optionalUpgrade", "/*", "switchboard.idleTimeout", IDLE_TIMEOUT_SECONDS + "s",
                "switchboard.tls.handshakeTimeout", "30s",
                "switchboard.jmx", "false")))) {
            BridgeFaults b = new BridgeFaults(tomcat);
            b.upgrade().close(); // warm
            List<FaultRow> rows = new ArrayList<>();
            rows.add(b.pausedReader());
            rows.add(b.readerThatNeverResumes());
            rows.add(b.clientReset());
            return rows;
        }
    }

    /** A TLS connection through the bridge whose first response (to the upgrade request) has been read. */
    private RawConnection upgrade() throws IOException {
        int port = tomcat.server().base().getPort();
        RawConnection plain = RawConnection.open("127.0.0.1", port);
        plain.send(request("page") + "Upgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
        if (plain.readHead().status() != 101) {
            throw new IOException("the bridge did not switch");
        }
        RawConnection tls = Rfc2817Client.startTls(plain, client, "127.0.0.1", port);
        tls.readResponse();
        return tls;
    }

    private String request(String name) {
        return "GET " + tomcat.server().path("secure/" + name) + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + tomcat.server().base().getPort() + "\r\n";
    }

    private String pipelined() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < PIPELINED; i++) {
            all.append(request("r" + i)).append("\r\n");
        }
        return all.toString();
    }

    /** 99 pipelined requests, no reading for a second, then every response read. */
    private FaultRow pausedReader() throws Exception {
        long before = Probe.fds();
        int answered = 0;
        long bytes = 0;
        try (RawConnection tls = upgrade()) {
            String requests = pipelined();
            tls.send(requests);
            Thread.sleep(Long.parseLong(IDLE_TIMEOUT_SECONDS) * 1000 / 3);
            for (int i = 0; i < PIPELINED; i++) {
                RawConnection.Response r = tls.readResponse();
                answered += r.status() == 200 ? 1 : 0;
                bytes += r.body().length;
            }
        }
        return new FaultRow("RFC 2817 bridge", PIPELINED + " pipelined requests, reader paused 1 s", PIPELINED,
                "all " + PIPELINED + " responses", answered, answered == PIPELINED,
                String.format("%,d body bytes in all", bytes), true, before, Probe.fdsSettled(before));
    }

    /** 99 pipelined requests and no reading at all: the bridge must close the connection. */
    private FaultRow readerThatNeverResumes() throws Exception {
        long before = Probe.fds();
        int answered = 0;
        boolean closed = false;
        try (RawConnection tls = upgrade()) {
            tls.send(pipelined());
            // Past the idle timeout, with room: the server has closed by now if it reaps such a client.
            Thread.sleep(Long.parseLong(IDLE_TIMEOUT_SECONDS) * 1000 * 4);
            try {
                for (int i = 0; i < PIPELINED + 1; i++) {
                    RawConnection.Response r = tls.readResponse();
                    answered += r.status() == 200 ? 1 : 0;
                }
            } catch (IOException e) {
                closed = true; // the end (or a reset) after what the server had sent
            }
        }
        return new FaultRow("RFC 2817 bridge", PIPELINED + " pipelined requests, client never reads", PIPELINED,
                "none (the idle client is closed after " + IDLE_TIMEOUT_SECONDS + " s)", answered, true,
                "responses read from what was queued before the close", closed, before, Probe.fdsSettled(before));
    }

    /** 99 pipelined requests, then a reset. */
    private FaultRow clientReset() throws Exception {
        long before = Probe.fds();
        RawConnection tls = upgrade();
        tls.send(pipelined());
        tls.socket().setSoLinger(true, 0);
        tls.close();
        return new FaultRow("RFC 2817 bridge", PIPELINED + " pipelined requests, then a client reset", PIPELINED,
                "none", 0, true, "", true, before, Probe.fdsSettled(before));
    }
}
