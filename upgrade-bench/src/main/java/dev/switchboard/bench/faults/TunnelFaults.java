package dev.switchboard.bench.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * Faults through the tunnel ({@code upgrade-proxy} on an embedded Tomcat 11, in this JVM, to a
 * scripted backend): a peer that closes or is reset mid-stream, a client that reads slowly, a
 * backend that never reads. RFC 2817 section 5.3 (and PRX-03): when one peer disconnects, the
 * data that came from it reaches the other, then the other connection is closed. A reset
 * discards what the gateway's kernel had not yet handed over, by TCP's rules, so after a reset
 * only what the gateway read must arrive.
 */
final class TunnelFaults {

    private static final String CONTEXT = "/gw";
    private static final int STREAM = 8 << 20;
    private static final int SLOW_STREAM = 64 << 20;

    private final ScriptedBackend backend;
    private final EmbeddedTomcat gateway;

    private TunnelFaults(ScriptedBackend backend, EmbeddedTomcat gateway) {
        this.backend = backend;
        this.gateway = gateway;
    }

    static List<FaultRow> run() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.listen(0, 64 * 1024);
                EmbeddedTomcat gateway = EmbeddedTomcat.start(ProxyDeployments.gateway("gw", Map.of(
                        "switchboard.proxy.routes", "/raw/ -> http://127.0.0.1:" + backend.port(),
                        "switchboard.proxy.idleTimeout", "30s")))) {
            TunnelFaults t = new TunnelFaults(backend, gateway);
            t.open().closeBoth(); // warm
            List<FaultRow> rows = new ArrayList<>();
            rows.add(t.backendEnds(false));
            rows.add(t.backendEnds(true));
            rows.add(t.clientEnds(false));
            rows.add(t.clientEnds(true));
            rows.add(t.slowReader());
            rows.add(t.backendNeverReads());
            return rows;
        }
    }

    private record Pair(Socket client, BackendPeer peer) {
        void closeBoth() throws IOException {
            client.close();
            peer.close();
        }
    }

    private Pair open() throws IOException {
        Socket client = new Socket("127.0.0.1", gateway.server().base().getPort());
        client.setSoTimeout(30_000);
        client.getOutputStream().write(("GET /gw/raw/x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: echo/1\r\n"
                + "Connection: upgrade\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        BackendPeer peer = backend.accept();
        peer.readHead();
        peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
        InputStream in = client.getInputStream();
        int state = 0;
        while (state < 4) { // to the end of the 101's head
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the 101");
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return new Pair(client, peer);
    }

    /** The backend streams, then closes ({@code reset} false) or is reset, mid-stream. */
    private FaultRow backendEnds(boolean reset) throws Exception {
        long before = Probe.fds();
        Pair p = open();
        Thread writer = writer(p.peer().output(), STREAM, () -> {
            if (reset) {
                p.peer().kill();
            } else {
                p.peer().close();
            }
        });
        long[] got = readAll(p.client().getInputStream(), 0);
        writer.join();
        p.client().close();
        return new FaultRow("tunnel", reset ? "backend reset (killed) mid-stream" : "backend closes mid-stream", STREAM,
                reset ? "what the gateway read" : "all", got[0], got[1] == 1, "", got[2] == 1, before,
                Probe.fdsSettled(before));
    }

    /** The client streams, then closes or is reset; the backend reads to the end. */
    private FaultRow clientEnds(boolean reset) throws Exception {
        long before = Probe.fds();
        Pair p = open();
        Thread writer = writer(p.client().getOutputStream(), STREAM, () -> {
            if (reset) {
                p.client().setSoLinger(true, 0);
            }
            p.client().close();
        });
        long[] got = readAll(p.peer().input(), 0);
        writer.join();
        p.peer().close();
        return new FaultRow("tunnel", reset ? "client reset mid-stream" : "client closes mid-stream", STREAM,
                reset ? "what the gateway read" : "all", got[0], got[1] == 1, "", got[2] == 1, before,
                Probe.fdsSettled(before));
    }

    /** The backend sends 64 MiB to a client that reads 16 KiB every 2 ms. */
    private FaultRow slowReader() throws Exception {
        long before = Probe.fds();
        long fromBackend = Probe.tunnelCounter(CONTEXT, "Tunnel", "BytesFromBackend");
        long sent = Probe.tunnelCounter(CONTEXT, "UpgradeProtocol", "BytesSent");
        Pair p = open();
        Thread writer = writer(p.peer().output(), SLOW_STREAM, () -> p.peer().close());
        AtomicLong held = new AtomicLong();
        long[] got = readAll(p.client().getInputStream(), 2, () -> held.accumulateAndGet(
                (Probe.tunnelCounter(CONTEXT, "Tunnel", "BytesFromBackend") - fromBackend)
                        - (Probe.tunnelCounter(CONTEXT, "UpgradeProtocol", "BytesSent") - sent), Math::max));
        writer.join();
        p.client().close();
        return new FaultRow("tunnel", "slow reader (16 KiB per 2 ms)", SLOW_STREAM, "all", got[0], got[1] == 1,
                String.format("%,d bytes read from the backend, not yet written (limit 256 KiB)", held.get()),
                got[2] == 1, before, Probe.fdsSettled(before));
    }

    /** The client streams to a backend that never reads, until its writes stall; then the backend closes. */
    private FaultRow backendNeverReads() throws Exception {
        long before = Probe.fds();
        long received = Probe.tunnelCounter(CONTEXT, "UpgradeProtocol", "BytesReceived");
        long toBackend = Probe.tunnelCounter(CONTEXT, "Tunnel", "BytesToBackend");
        Pair p = open();
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            byte[] chunk = new byte[16 * 1024];
            try {
                OutputStream out = p.client().getOutputStream();
                while (true) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the connection was closed under the stalled write
            }
        }, "never-read-client");
        writer.start();
        long last = -1;
        while (written.get() != last) { // stalled when nothing more goes in for a second
            last = written.get();
            Thread.sleep(1000);
        }
        long held = (Probe.tunnelCounter(CONTEXT, "UpgradeProtocol", "BytesReceived") - received)
                - (Probe.tunnelCounter(CONTEXT, "Tunnel", "BytesToBackend") - toBackend);
        long stalledAt = written.get();
        p.peer().close();
        boolean closed;
        try {
            closed = p.client().getInputStream().read() < 0;
        } catch (IOException e) {
            closed = !(e instanceof SocketTimeoutException);
        }
        writer.join(30_000);
        p.client().close();
        return new FaultRow("tunnel", "backend never reads; then closes", stalledAt, "none (the client must stall)",
                0, true, String.format("client stalled after %,d bytes; %,d read from the client, not yet written "
                        + "(limit 256 KiB)", stalledAt, held), closed, before, Probe.fdsSettled(before));
    }

    @FunctionalInterface
    interface Ending {
        void run() throws IOException;
    }

    /** Writes {@code total} bytes of the pattern, then ends as told, on a thread of its own. */
    static Thread writer(OutputStream out, long total, Ending end) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (long off = 0; off < total; off += chunk.length) {
                    for (int i = 0; i < chunk.length; i++) {
                        chunk[i] = Probe.pattern(off + i);
                    }
                    out.write(chunk);
                }
                out.flush();
                end.run();
            } catch (IOException e) {
                // reported by the reader's count
            }
        }, "fault-writer");
        t.start();
        return t;
    }

    static long[] readAll(InputStream in, long pauseMillis) throws IOException, InterruptedException {
        return readAll(in, pauseMillis, () -> { });
    }

    /** Reads to the end (or a reset): {bytes, 1 if every byte matched the pattern, 1 if the end came}. */
    static long[] readAll(InputStream in, long pauseMillis, Runnable sample) throws IOException, InterruptedException {
        byte[] buffer = new byte[16 * 1024];
        long got = 0;
        boolean intact = true;
        boolean ended = true;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    intact &= buffer[i] == Probe.pattern(got + i);
                }
                got += n;
                if (pauseMillis > 0) {
                    sample.run();
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (SocketTimeoutException e) {
            ended = false;
        } catch (IOException e) {
            // reset: the end, after what arrived
        }
        return new long[] {got, intact ? 1 : 0, ended ? 1 : 0};
    }
}
