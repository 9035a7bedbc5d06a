package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/** Tomcat's support, found by the container seam and used on a real upgraded connection. */
class TomcatSupportTest {

    /**
     * Upgraded connections by the client's port: Tomcat calls {@code init} after the 101 has
     * gone out, so a test's connection can arrive after the next test has started.
     */
    private static final Map<Integer, CompletableFuture<WebConnection>> CONNECTIONS = new ConcurrentHashMap<>();
    private static final BlockingQueue<ServletContext> CONTEXTS = new ArrayBlockingQueue<>(4);

    /** The connector's write buffer: not Tomcat's default, so that the test sees it is read. */
    private static final int WRITE_BUFFER = 6000;

    private static Tomcat tomcat;
    private static int port;

    /** Holds the upgraded connection for the test. */
    public static final class Held implements HttpUpgradeHandler {
        private int clientPort;

        @Override
        public void init(WebConnection connection) {
            connectionFrom(clientPort).complete(connection);
        }

        @Override
        public void destroy() {
        }
    }

    static final class Upgrading extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            CONTEXTS.add(request.getServletContext());
            request.upgrade(Held.class).clientPort = request.getRemotePort();
            response.setStatus(101);
            response.setHeader("Upgrade", "test/1");
            response.setHeader("Connection", "upgrade");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "support").toString());
        Connector http = tomcat.getConnector();
        http.setPort(0);
        http.setProperty("address", "127.0.0.1");
        http.setProperty("socket.appWriteBufSize", String.valueOf(WRITE_BUFFER));
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "upgrading", new Upgrading());
        context.addServletMappingDecoded("/*", "upgrading");
        tomcat.start();
        port = http.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void theSeamFindsTomcatsSupportForATomcatContext() throws Exception {
        try (Socket s = upgraded()) {
            ServletContext context = CONTEXTS.poll(10, TimeUnit.SECONDS);
            assertThat(ContainerSupport.of(context)).isSameAs(TomcatSupport.INSTANCE);
            assertThat(ContainerSupport.of(context).name()).isEqualTo("Tomcat (upgrade-tomcat)");
        }
    }

    @Test
    void anUpgradedConnectionClosedFromAnotherThreadIsClosedAtOnce() throws Exception {
        try (Socket s = upgraded()) {
            WebConnection connection = connectionFrom(s.getLocalPort()).get(10, TimeUnit.SECONDS);
            ConnectionControl control = TomcatSupport.INSTANCE.control(connection);
            assertThat(control.confinedReads()).isTrue();
            control.close();
            assertThat(s.getInputStream().read()).as("the peer sees the end of the stream").isEqualTo(-1);
        }
    }

    @Test
    void anUpgradedConnectionReportsTheSizeOfTheConnectorsWriteBuffer() throws Exception {
        try (Socket s = upgraded()) {
            WebConnection connection = connectionFrom(s.getLocalPort()).get(10, TimeUnit.SECONDS);
            assertThat(TomcatSupport.INSTANCE.control(connection).writeBufferSize()).isEqualTo(WRITE_BUFFER);
        }
    }

    @Test
    void theProviderAnswersOnlyForTomcat() {
        TomcatSupportProvider provider = new TomcatSupportProvider();
        assertThat(provider.supportFor(serverInfo("jetty/12.1.8"))).isNull();
        assertThat(provider.supportFor(serverInfo("Apache Tomcat/11.0.25"))).isSameAs(TomcatSupport.INSTANCE);
    }

    @Test
    void aConnectionThatIsNotTomcatsGetsTheServletApiAlone() {
        WebConnection other = (WebConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebConnection.class}, (proxy, method, args) -> null);
        assertThat(TomcatSupport.INSTANCE.control(other)).isSameAs(ConnectionControl.PORTABLE);
    }

    private static ServletContext serverInfo(String info) {
        return (ServletContext) Proxy.newProxyInstance(TomcatSupportTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> method.getName().equals("getServerInfo") ? info : null);
    }

    private static CompletableFuture<WebConnection> connectionFrom(int clientPort) {
        return CONNECTIONS.computeIfAbsent(clientPort, p -> new CompletableFuture<>());
    }

    /** A connection upgraded to {@link Held}, with the 101's head read. */
    private static Socket upgraded() throws IOException {
        CONTEXTS.clear();
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: test/1\r\nConnection: upgrade\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
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
