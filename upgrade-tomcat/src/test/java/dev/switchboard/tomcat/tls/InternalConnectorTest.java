package dev.switchboard.tomcat.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.tls.TestKeyStore;

/** The internal connector serves this process's links only. */
class InternalConnectorTest {

    private static Tomcat tomcat;
    private static ConnectorTls tls;

    @BeforeAll
    static void start() throws Exception {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "internal-connector");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector http = tomcat.getConnector();
        http.setPort(0);
        http.setProperty("address", "127.0.0.1");
        tls = new ConnectorTls().keystore(TestKeyStore.shared().file(), TestKeyStore.shared().password());
        tls.install(http);
        tomcat.start();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aConnectionThatIsNotARegisteredLinkIsClosedUnanswered() throws Exception {
        InetSocketAddress internal = tls.running().internalAddress();
        try (Socket s = new Socket(internal.getAddress(), internal.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void theInternalConnectorIsOnTheLoopbackAddressAndNotAmongTheServicesConnectors() {
        assertThat(tls.running().internalAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(tomcat.getService().findConnectors()).containsExactly(tomcat.getConnector());
    }

    @Test
    void stoppingTheConnectorStopsTheInternalOne() throws Exception {
        Tomcat other = new Tomcat();
        other.setBaseDir(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "internal-stop").toString());
        Connector http = other.getConnector();
        http.setPort(0);
        http.setProperty("address", "127.0.0.1");
        ConnectorTls own = new ConnectorTls().keystore(TestKeyStore.shared().file(), TestKeyStore.shared().password());
        own.install(http);
        other.start();
        InetSocketAddress internal = own.running().internalAddress();
        other.stop();
        other.destroy();
        assertThat(own.running()).isNull();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(internal, 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
