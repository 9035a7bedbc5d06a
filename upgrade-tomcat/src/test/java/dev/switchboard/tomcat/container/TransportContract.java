package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.servlet.SwitchboardRuntime;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.container.TransportCarrier;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * The {@link Transport} contract as both of Tomcat's transports keep it, on real connections
 * of an embedded Tomcat switched to {@link TomcatCarrier}: each subclass runs these tests on
 * its transport ({@link #ownLoop()} says whether the carrier is given the application's
 * runtime, and so its loop) and adds what only its transport does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransportContract {

    /** Bound while the carrier is created, as the application's loader is on a request thread. */
    static final ClassLoader APPLICATION = new URLClassLoader(new URL[0], TransportContract.class.getClassLoader());

    /** Carried connections by the client's port: Tomcat hands them over after the servlet returned. */
    private final Map<Integer, Carried> carried = new ConcurrentHashMap<>();
    protected Tomcat tomcat;
    private int port;
    /** The application's loops, where the transport runs on them: two, so that connections are spread. */
    static final int LOOP_THREADS = 2;

    private SwitchboardRuntime runtime;

    /** The name the transport reports. */
    abstract String transportName();

    /** Whether the carrier is given the application's runtime: whether it may take the connection onto its loop. */
    abstract boolean ownLoop();

    /** The context's path, which names the loop's thread. */
    abstract String contextPath();

    /** What a carrier hands over: the transport, its input with the thread that read it, its release. */
    static final class Carried implements TransportCarrier.Receiver, Transport.Events {
        final CompletableFuture<Transport> transport = new CompletableFuture<>();
        final LinkedBlockingQueue<String> input = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> readOn = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<ClassLoader> readWith = new LinkedBlockingQueue<>();
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        final Semaphore writable = new Semaphore(0);
        /** Read as the engine does where a short read takes all there was: no read after one. */
        volatile boolean stopAfterShortRead;

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
        public synchronized void readable() {
            Transport t = transport.getNow(null);
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            try {
                int n;
                while (t != null && (n = t.read(buffer.clear())) != 0) {
                    if (n < 0) {
                        ended.countDown();
                        return;
                    }
                    input.add(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII));
                    readOn.add(Thread.currentThread().getName());
                    readWith.add(Thread.currentThread().getContextClassLoader());
                    if (stopAfterShortRead && n < buffer.capacity()) {
                        return;
                    }
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

    /** Switches every request to the carrier, with the application's loader bound as on a request thread. */
    private final class Carrying extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(APPLICATION);
            try {
                Class<? extends HttpUpgradeHandler> type = TomcatSupport.INSTANCE.carrier(request);
                TransportCarrier carrier = (TransportCarrier) request.upgrade(type);
                carrier.carry(carried(request.getRemotePort()), ownLoop() ? runtime : null);
            } catch (ServletException e) {
                throw new IOException(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            response.setStatus(101);
            response.setHeader("Upgrade", "test/1");
            response.setHeader("Connection", "upgrade");
        }
    }

    @BeforeAll
    void startTomcat() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "carrier").toString());
        Connector http = tomcat.getConnector();
        http.setPort(0);
        http.setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext(contextPath(), null);
        context.addParameter(UpgradeOptions.LOOP_THREADS, String.valueOf(LOOP_THREADS));
        Tomcat.addServlet(context, "carrying", new Carrying());
        context.addServletMappingDecoded("/*", "carrying");
        tomcat.start();
        runtime = SwitchboardRuntime.of(context.getServletContext()).retain();
        port = http.getLocalPort();
    }

    @AfterAll
    void stopTomcat() throws Exception {
        runtime.release();
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void theConnectionRunsOnTheTransportNamed() throws Exception {
        try (Socket s = connect("")) {
            assertThat(carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS).name()).isEqualTo(transportName());
        }
    }

    @Test
    void bytesSentWithTheRequestAreTheFirstInputOfTheConnection() throws Exception {
        try (Socket s = connect("early bytes")) {
            assertThat(carried(s.getLocalPort()).input.poll(10, TimeUnit.SECONDS)).isEqualTo("early bytes");
        }
    }

    @Test
    void bytesSentAfterTheSwitchAreReadWhenTheTransportReportsThemReadable() throws Exception {
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
     * A write that stops short is followed by {@link Transport.Events#writable()} once the
     * socket takes more; a transport that waited without pushing what it holds would be told
     * writable forever (hence the guard against a hang, not a measure of speed).
     */
    @Test
    @Timeout(60)
    void moreThanTheSocketTakesIsWrittenAfterTheTransportReportsItWritableAndArrivesWhole() throws Exception {
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
                assertThat(c.writable.tryAcquire(10, TimeUnit.SECONDS)).as("the transport reports the socket writable")
                        .isTrue();
            }
            assertThat(stalls).as("writes that waited for the socket").isPositive();
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(data);
        }
    }

    @Test
    void aCloseFromAnotherThreadEndsTheConnectionAndTomcatReleasesTheCarrier() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            c.transport.get(10, TimeUnit.SECONDS).close();
            assertThat(s.getInputStream().read()).as("the peer sees the end of the stream").isEqualTo(-1);
            assertThat(c.released.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    final Carried carried(int clientPort) {
        return carried.computeIfAbsent(clientPort, p -> new Carried());
    }

    /** A connection switched to {@link TomcatCarrier}, {@code early} sent with the request, the 101's head read. */
    final Socket connect(String early) throws IOException {
        return handshake(new Socket("127.0.0.1", port), early);
    }

    final Socket handshake(Socket s, String early) throws IOException {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET " + contextPath() + "/ HTTP/1.1\r\nHost: localhost\r\nUpgrade: test/1\r\n"
                + "Connection: upgrade\r\n\r\n" + early).getBytes(StandardCharsets.US_ASCII));
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
