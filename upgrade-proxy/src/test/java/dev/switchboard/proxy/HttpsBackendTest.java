package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.Requests;

/**
 * {@code https://} backends: a backend Tomcat with a TLS connector whose certificate (for
 * {@code localhost} only) is trusted through the gateway's configured trust store. Real
 * TLS, a real certificate check, real containers at both ends.
 */
class HttpsBackendTest {

    private static final String PASSWORD = "changeit";

    private static EmbeddedTomcat backend;
    private static EmbeddedTomcat gateway;
    private static int tlsPort;
    /** Accepts connections and never says a word: a TLS handshake with it never ends. */
    private static ServerSocket silent;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "proxy-tls");
        Path keyStore = dir.resolve("backend.p12");
        Path trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("backend.cer");
        keytool("-genkeypair", "-alias", "backend", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "backend", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "backend", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        backend = EmbeddedTomcat.start(Deployments.upgradeApp("backend"));
        Connector tls = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        tls.setPort(0);
        tls.setProperty("address", "127.0.0.1");
        tls.setSecure(true);
        tls.setScheme("https");
        tls.setProperty("SSLEnabled", "true");
        SSLHostConfig host = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.EC);
        certificate.setCertificateKeystoreFile(keyStore.toString());
        certificate.setCertificateKeystorePassword(PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        host.addCertificate(certificate);
        tls.addSslHostConfig(host);
        backend.tomcat().getService().addConnector(tls);
        tlsPort = tls.getLocalPort();

        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        gateway = EmbeddedTomcat.start(ProxyDeployments.gateway("gateway", Map.of(
                TunnelOptions.ROUTES, "/secure/ -> https://localhost:" + tlsPort + "/backend/,"
                        + "/by-address/ -> https://127.0.0.1:" + tlsPort + "/backend/,"
                        + "/silent/ -> https://127.0.0.1:" + silent.getLocalPort(),
                TunnelOptions.RESPONSE_TIMEOUT, "5s",
                TunnelOptions.TRUST_STORE, trustStore.toString(),
                TunnelOptions.TRUST_STORE_PASSWORD, PASSWORD)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    @DisplayName("An https backend is reached over TLS with its certificate checked, and echo/1 works through it")
    void tunnelsToAnHttpsBackend() throws IOException {
        ServerUnderTest s = gateway.server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "secure/echo", "echo/1"));
            ResponseHead head = client.readHead();
            assertThat(head.statusLine()).as(head.raw()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            byte[] payload = new byte[200_000];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (i % 251);
            }
            client.send(payload);
            assertThat(client.readBytes(payload.length)).isEqualTo(payload);
        }
    }

    @Test
    @DisplayName("An https backend whose certificate does not name the host in the route gets 502")
    void verifiesTheHostName() throws IOException {
        ServerUnderTest s = gateway.server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "by-address/echo", "echo/1"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 502 ");
            assertThat(r.bodyText()).startsWith("TLS handshake with backend 127.0.0.1:" + tlsPort + " failed: ")
                    .hasLineCount(1);
        }
    }

    @Test
    @DisplayName("PRX-09 an https backend that never completes the TLS handshake gets 504 when the response timeout "
            + "runs out")
    void boundsTheTlsHandshake() throws IOException {
        ServerUnderTest s = gateway.server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "silent/x", "echo/1"));
            RawConnection.Response r = client.readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 504 ");
            assertThat(r.bodyText()).isEqualTo("Backend 127.0.0.1:" + silent.getLocalPort()
                    + " did not complete the TLS handshake within 5000 ms\n");
        }
    }
}
