package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.container.TransportCarrier;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The {@code tomcat} transport on real connections switched to {@link TomcatCarrier}. */
class TomcatTransportTest {

    /** Carried connections by the client's port: Tomcat hands them over after the filter returned. */
    private static final Map<Integer, Carried> CARRIED = new ConcurrentHashMap<>();

    private static Tomcat tomcat;
    private static int port;

    /** What a carrier hands over: the transport, its input as read in Tomcat's read events, its release. */
    static final class Carried implements TransportCarrier.Receiver, Transport.Events {
        final CompletableFuture<Transport> transport = new CompletableFuture<>();
        final LinkedBlockingQueue<String> input = new LinkedBlockingQueue<>();
        final CountDownLatch released = new CountDownLatch(1);
        final Semaphore writable = new Semaphore(0);

        @Override
        public void connected(Transport t) {
            transport.complete(t);
            try {
                t.start(this);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void released() {
            released.countDown();
        }

        @Override
        public void readable() {
            Transport t = transport.getNow(null);
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            try {
                int n;
                while (t != null && (n = t.read(buffer.clear())) > 0) {
                    input.add(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                input.add("failed: " + e);
            }
        }

        @Override
        public void inputEnded() {
        }

        @Override
        public void writable() {
            writable.release();
        }

        @Override
        public void failed(Throwable cause) {
        }

        @Override
        public void closed() {
        }
    }

    static final class Carrying extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                Class<? extends jakarta.servlet.http.HttpUpgradeHandler> type = TomcatSupport.INSTANCE.carrier(request);
                TransportCarrier carrier = (TransportCarrier) request.upgrade(type);
                carrier.carry(carried(request.getRemotePort()), null);
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            response.setStatus(101);
            response.setHeader("Upgrade", "test/1");
            response.setHeader("Connection", "upgrade");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "carrier").toString());
        Connector http = tomcat.getConnector();
        http.setPort(0);
        http.setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "carrying", new Carrying());
        context.addServletMappingDecoded("/*", "carrying");
        tomcat.start();
        port = http.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void bytesSentWithTheRequestAreTheFirstInputOfTheConnection() throws Exception {
        try (Socket s = connect("early bytes")) {
            Carried c = carried(s.getLocalPort());
            assertThat(c.input.poll(10, TimeUnit.SECONDS)).isEqualTo("early bytes");
        }
    }

    @Test
    void bytesSentAfterTheSwitchArriveInTomcatsReadEvent() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            c.transport.get(10, TimeUnit.SECONDS);
            s.getOutputStream().write("later".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.input.poll(10, TimeUnit.SECONDS)).isEqualTo("later");
        }
    }

    @Test
    void writesReachThePeerOnceFlushed() throws Exception {
        try (Socket s = connect("")) {
            Transport t = carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS);
            assertThat(t.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)))).isTrue();
            assertThat(t.flush()).isTrue();
            assertThat(new String(s.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
    }

    /**
     * Tomcat sends nothing its buffers hold on its own: a transport that waited for
     * {@code OPEN_WRITE} without pushing them on would be told writable forever (hence the
     * guard against a hang, not a measure of speed).
     */
    @Test
    @Timeout(60)
    void moreThanTheSocketTakesIsWrittenAfterTomcatReportsItWritableAndArrivesWhole() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(data);
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            Transport t = c.transport.get(10, TimeUnit.SECONDS);
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(500); // let the socket fill first
                    return s.getInputStream().readNBytes(data.length);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            ByteBuffer out = ByteBuffer.wrap(data);
            int stalls = 0;
            while (true) {
                if (out.hasRemaining()) {
                    ByteBuffer chunk = out.slice().limit(Math.min(out.remaining(), 64 * 1024));
                    boolean all = t.write(chunk);
                    out.position(out.position() + chunk.position());
                    if (all) {
                        continue;
                    }
                } else if (t.flush()) {
                    break;
                }
                stalls++;
                assertThat(c.writable.tryAcquire(10, TimeUnit.SECONDS)).as("Tomcat reports the socket writable")
                        .isTrue();
            }
            assertThat(stalls).as("writes that waited for the socket").isPositive();
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(data);
        }
    }

    @Test
    void aCloseEndsTheConnectionAndTomcatReleasesTheCarrier() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            c.transport.get(10, TimeUnit.SECONDS).close();
            assertThat(s.getInputStream().read()).as("the peer sees the end of the stream").isEqualTo(-1);
            assertThat(c.released.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theTransportIsNamedTomcat() throws Exception {
        try (Socket s = connect("")) {
            assertThat(carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS).name()).isEqualTo("tomcat");
            assertThat(TomcatSupport.INSTANCE.transportName()).isEqualTo("tomcat");
        }
    }

    @Test
    void aRequestOtherThanHttp11IsLeftToTheServletStreams() {
        HttpServletRequest http10 = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getProtocol") ? "HTTP/1.0" : null);
        assertThat(TomcatSupport.INSTANCE.carrier(http10)).isNull();
    }

    private static Carried carried(int clientPort) {
        return CARRIED.computeIfAbsent(clientPort, p -> new Carried());
    }

    /** A connection switched to {@link TomcatCarrier}, {@code early} sent with the request, the 101's head read. */
    private static Socket connect(String early) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: test/1\r\nConnection: upgrade\r\n\r\n"
                + early).getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101 ");
        return s;
    }
}
