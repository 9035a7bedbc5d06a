package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntFunction;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * PRX-09: one absolute deadline, the response timeout, for everything the gateway does with a
 * backend before the switch, against backends that keep each single read or write short of
 * any per-call timeout: one that trickles its 101 head, one that streams an answer other than
 * 101 for ever, one that never reads the request. The gateway's 3 s response timeout is far
 * shorter than any of these exchanges would take, and than the client's 10 s read timeout.
 * Deploy {@code ProxyDeployments.gateway(name, TunnelDeadlineScenarios.CONTEXT_PARAMS)}; the
 * gateway must run in this JVM, for its counters.
 */
public abstract class TunnelDeadlineScenarios {

    /** Request content up to 16 MiB, more than the socket buffers between gateway and backend hold. */
    public static final Map<String, String> CONTEXT_PARAMS = Map.of("switchboard.maxContentLength", "16MiB");

    private static final String BACKEND = "127.0.0.1:" + ProxyBackends.RAW_PORT;
    private static final Duration STEP = Duration.ofMillis(500);
    private static final String SWITCH = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n";

    private static ScriptedBackend backend;

    /** The gateway deployed with {@link #CONTEXT_PARAMS}. */
    protected abstract ServerUnderTest server();

    @BeforeAll
    static void startBackend() throws IOException {
        // A small window: a backend that does not read soon stops taking bytes.
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT, 4096);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
    }

    @Test
    @DisplayName("PRX-09 a backend that trickles its 101 head gets the client a 504 when the response timeout runs out")
    void trickledHead() throws Exception {
        ServerUnderTest s = server();
        long before = refusals("response-timeout");
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/x", "echo/1"));
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                Thread writer = writeSlowly(peer, i -> i < SWITCH.length() ? SWITCH.substring(i, i + 1) : null);
                RawConnection.Response r = client.readResponse();
                assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(s.container().statusLine(504));
                assertThat(r.bodyText()).isEqualTo("Backend " + BACKEND
                        + " did not finish its response head within 3000 ms\n");
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(client.isClosedByPeer(Duration.ofSeconds(5))).isTrue();
                assertThat(refusals("response-timeout")).isEqualTo(before + 1);
                writer.join(BackendPeer.TIMEOUT.toMillis());
            }
        }
    }

    @Test
    @DisplayName("PRX-09 a streamed answer other than 101 is cut when the response timeout runs out: the body never "
            + "ends and the client connection closes")
    void streamedAnswerIsCut() throws Exception {
        ServerUnderTest s = server();
        long before = counter("ResponsesCut");
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/events", "x/1"));
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                peer.send("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
                Thread writer = writeSlowly(peer, i -> {
                    String event = event(i);
                    return Integer.toHexString(event.length()) + "\r\n" + event + "\r\n";
                });
                ResponseHead head = client.readHead();
                assertThat(head.statusLine()).isEqualTo(s.container().statusLine(200));
                assertThat(head.values("Transfer-Encoding")).containsExactly("chunked");
                Chunks body = readChunksUntilClosed(client.input());
                assertThat(body.last()).as("the last chunk, which would end the body").isFalse();
                assertThat(body.data()).startsWith(event(0)).isEqualTo(events(body.data().length()));
                assertThat(counter("ResponsesCut")).isEqualTo(before + 1);
                writer.join(BackendPeer.TIMEOUT.toMillis());
            }
        }
    }

    @Test
    @DisplayName("PRX-09 an answer with a Content-Length that is still arriving when the response timeout runs out "
            + "is cut short and the client connection closes")
    void answerWithLengthIsCut() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "raw/file", "x/1"));
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                peer.send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
                Thread writer = writeSlowly(peer, i -> i < 100 ? "0123456789" : null);
                ResponseHead head = client.readHead();
                assertThat(head.statusLine()).isEqualTo(s.container().statusLine(200));
                assertThat(head.values("Content-Length")).containsExactly("1000");
                String body = new String(readUntilClosed(client.input()), StandardCharsets.ISO_8859_1);
                assertThat(body).hasSizeBetween(10, 990).isEqualTo("0123456789".repeat(body.length() / 10));
                writer.join(BackendPeer.TIMEOUT.toMillis());
            }
        }
    }

    @Test
    @DisplayName("PRX-09 a backend that never reads the request gets the client a 504 when the response timeout "
            + "runs out")
    void backendThatNeverReads() throws Exception {
        ServerUnderTest s = server();
        long before = refusals("send-timeout");
        byte[] content = new byte[16 << 20];
        Arrays.fill(content, (byte) 'c');
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.head("POST", s.path("raw/upload"), "HTTP/1.1", s.host(), "Upgrade: echo/1",
                    "Connection: upgrade", "Content-Length: " + content.length));
            client.send(content);
            try (BackendPeer peer = backend.accept()) {
                RawConnection.Response r = client.readResponse();
                assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(s.container().statusLine(504));
                assertThat(r.bodyText()).isEqualTo("Backend " + BACKEND + " did not read the request within 3000 ms\n");
                assertThat(r.head().values("Connection")).containsExactly("close");
                assertThat(refusals("send-timeout")).isEqualTo(before + 1);
            }
        }
    }

    private static String event(int i) {
        return "data: " + i + "\n\n";
    }

    /** Events 0, 1, 2... up to {@code length} characters in all (as many as fit). */
    private static String events(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() + event(i).length() <= length; i++) {
            out.append(event(i));
        }
        return out.toString();
    }

    /**
     * Sends {@code piece.apply(0)}, {@code piece.apply(1)}... one every {@link #STEP}, from a
     * thread of its own, until a piece is null or the gateway closes the connection.
     */
    private static Thread writeSlowly(BackendPeer peer, IntFunction<String> piece) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; piece.apply(i) != null; i++) {
                    peer.send(piece.apply(i));
                    Thread.sleep(STEP.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                // the gateway closed the connection: the point of the test
            }
        }, "slow-backend");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A chunked body as far as it came: its data, and whether the last (empty) chunk arrived. */
    private record Chunks(String data, boolean last) {
    }

    private static Chunks readChunksUntilClosed(InputStream in) throws IOException {
        String raw = new String(readUntilClosed(in), StandardCharsets.ISO_8859_1);
        StringBuilder data = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = raw.indexOf("\r\n", at);
            if (eol < 0) {
                return new Chunks(data.toString(), false);
            }
            int size = Integer.parseInt(raw.substring(at, eol), 16);
            if (size == 0) {
                return new Chunks(data.toString(), true);
            }
            if (eol + 2 + size > raw.length()) {
                throw new AssertionError("a chunk cut in the middle: " + raw.substring(at));
            }
            data.append(raw, eol + 2, eol + 2 + size);
            if (eol + 2 + size == raw.length()) {
                return new Chunks(data.toString(), false); // Jetty writes a chunk's CRLF with the next chunk
            }
            assertThat(raw.substring(eol + 2 + size, eol + 4 + size)).isEqualTo("\r\n");
            at = eol + 4 + size;
        }
    }

    /** Every byte until the server closes the connection, by end of stream or by reset. */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                got.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset: what came before it is the answer
        }
        return got.toByteArray();
    }

    private ObjectName tunnelMBean() throws JMException {
        return new ObjectName("dev.switchboard:type=Tunnel,context="
                + ObjectName.quote(server().base().getPath().replaceAll("/$", "")));
    }

    private long counter(String attribute) throws JMException {
        return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(tunnelMBean(), attribute)).longValue();
    }

    /** The tunnel's refusals counted under {@code reason}. */
    private long refusals(String reason) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        TabularData byReason = (TabularData) server.getAttribute(tunnelMBean(), "RefusalsByReason");
        CompositeData row = byReason.get(new Object[] {reason});
        return row == null ? 0 : ((Number) row.get("value")).longValue();
    }
}
