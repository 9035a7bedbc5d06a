package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.Http2Frames;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.TestCertificates;

/**
 * h2c (RFC 7540 section 3.2, RFC 9113 section 3.1) and HTTP/2 requests (UPG-05) on three
 * connectors serving the upgrade test application: one without HTTP/2, one where the
 * container handles h2c, and a TLS one with HTTP/2. Switchboard registers no h2c protocol:
 * where the container speaks h2c it is left to do so, elsewhere the request is served as
 * HTTP/1.1. How the container's own h2c treats malformed requests (H2C-01) is in
 * {@link H2cValidationScenarios}, for containers whose h2c meets it.
 */
public abstract class H2cScenarios {

    /** An HTTP/1.1-only connector. */
    protected abstract ServerUnderTest plain();

    /** A cleartext connector where the container handles h2c. */
    protected abstract ServerUnderTest h2c();

    /** A TLS connector with HTTP/2 enabled. */
    protected abstract ServerUnderTest tls();

    static final String SETTINGS = "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA";

    private Response exchange(ServerUnderTest server, String request) throws IOException {
        try (RawConnection c = RawConnection.open(server.base())) {
            Response r = c.send(request).readResponse();
            assertThat(r.status()).as(r.head().raw()).isNotEqualTo(101).isLessThan(500);
            return r;
        }
    }

    private static void assertHttp11(ServerUnderTest server, Response r, String upgradeSeen) {
        assertThat(r.head().statusLine()).isEqualTo(server.container().statusLine(200));
        assertThat(r.bodyText()).contains("protocol: HTTP/1.1\n").contains("upgrade: " + upgradeSeen + "\n");
    }

    // ------------------------------------------------------------------ H2C-02

    @Test
    @DisplayName("H2C-02 the token h2 in Upgrade is ignored: served as HTTP/1.1")
    void h2TokenIsIgnored() throws IOException {
        Response r = exchange(h2c(), get(h2c(), "x", "Upgrade: h2", "Connection: Upgrade, HTTP2-Settings",
                SETTINGS));
        assertHttp11(h2c(), r, "h2");
    }

    // ------------------------------------------------------------------ H2C-03

    @Test
    @DisplayName("H2C-03 h2c is never accepted on a TLS connection")
    void h2cIsNeverAcceptedOverTls() throws IOException {
        ServerUnderTest tls = tls();
        try (SSLSocket socket = (SSLSocket) TestCertificates.clientContext().getSocketFactory()
                .createSocket(tls.base().getHost(), tls.base().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(get(tls, "x", "Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings",
                    SETTINGS, "Connection: close").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith(tls.container().statusLine(200) + "\r\n");
            assertThat(response).contains("protocol: HTTP/1.1\n").contains("secure: true\n");
        }
    }

    // ------------------------------------------------------------------ H2C-04

    @Test
    @DisplayName("H2C-04 the JDK HttpClient gets HTTP/2 where the container speaks h2c")
    void jdkClientGetsHttp2WhereSupported() throws Exception {
        HttpResponse<String> r = jdkGet(h2c());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.body()).contains("protocol: HTTP/2.0\n");
    }

    @Test
    @DisplayName("H2C-04 the JDK HttpClient gets HTTP/1.1 where the container does not speak h2c")
    void jdkClientFallsBackToHttp11() throws Exception {
        HttpResponse<String> r = jdkGet(plain());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).contains("protocol: HTTP/1.1\n").contains("upgrade: h2c\n");
    }

    @Test
    @DisplayName("H2C-04 curl --http2 gets HTTP/2 where the container speaks h2c")
    void curlGetsHttp2WhereSupported() throws Exception {
        List<String> out = curlHttp2(h2c());
        assertThat(out.get(out.size() - 1)).isEqualTo("2 200");
        assertThat(String.join("\n", out)).contains("protocol: HTTP/2.0");
    }

    @Test
    @DisplayName("H2C-04 curl --http2 gets HTTP/1.1 where the container does not speak h2c")
    void curlFallsBackToHttp11() throws Exception {
        List<String> out = curlHttp2(plain());
        assertThat(out.get(out.size() - 1)).isEqualTo("1.1 200");
        assertThat(String.join("\n", out)).contains("protocol: HTTP/1.1").contains("upgrade: h2c");
    }

    // ------------------------------------------------------------------ UPG-05

    @Test
    @DisplayName("UPG-05 a request carried over HTTP/2 is never upgraded, and its Upgrade field is hidden")
    void http2RequestIsNeverUpgraded() throws IOException {
        try (RawConnection c = RawConnection.open(h2c().base())) {
            // Two Upgrade lines, h2c on the one the container's h2c support reads: echo/1, which
            // Switchboard would switch to over HTTP/1.1, rides along into the HTTP/2 request.
            boolean last = h2c().container().h2cReadsLastUpgradeLine();
            c.send(get(h2c(), "x", last ? "Upgrade: echo/1" : "Upgrade: h2c", last ? "Upgrade: h2c" : "Upgrade: echo/1",
                    "Connection: Upgrade, HTTP2-Settings", SETTINGS));
            ResponseHead head = c.readHead();
            assertThat(head.values("Upgrade")).containsExactly("h2c");
            Http2Frames.sendPreface(c.output());
            String body = new String(Http2Frames.readStream1Content(c.input(), c.output()), StandardCharsets.UTF_8);
            assertThat(body).contains("protocol: HTTP/2.0\n").contains("upgrade: (none)\n");
        }
    }

    // ------------------------------------------------------------------ clients

    private static HttpResponse<String> jdkGet(ServerUnderTest server) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(server.base().resolve("x")).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs curl with {@code --http2}; the last line of output is {@code <http_version> <status>}. */
    private static List<String> curlHttp2(ServerUnderTest server) throws Exception {
        Process p = new ProcessBuilder("curl", "--http2", "-sS", "--max-time", "20", "-w", "\\n%{http_version} %{http_code}",
                server.base().resolve("x").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
        assertThat(p.exitValue()).as("curl exit status; output: " + output).isZero();
        return new ArrayList<>(output.lines().toList());
    }
}
