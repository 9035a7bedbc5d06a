package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ResponseHead;

/** The launcher and the plain endpoints: banner, {@code /echo}, {@code /stats}, https, Ctrl-C. */
class DemoLauncherIT {

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.shared();
    }

    @Test
    @DisplayName("the banner names every URL with the ports actually chosen")
    void bannerNamesTheUrls() {
        int http = demo.httpPort();
        assertThat(demo.output()).anyMatch(l -> l.contains("http://127.0.0.1:" + http + "/ "))
                .anyMatch(l -> l.contains("ws://127.0.0.1:" + http + "/ws/chat "))
                .anyMatch(l -> l.contains("ws://127.0.0.1:" + http + "/ws/echo "))
                .anyMatch(l -> l.contains("http://127.0.0.1:" + http + "/echo "))
                .anyMatch(l -> l.contains("http://127.0.0.1:" + http + "/secure/ "))
                .anyMatch(l -> l.contains("http://127.0.0.1:" + http + "/tunnel/ ")
                        && l.contains("http://127.0.0.1:" + demo.backendPort() + "/"))
                .anyMatch(l -> l.contains("http://127.0.0.1:" + http + "/stats "))
                .anyMatch(l -> l.contains("https://127.0.0.1:" + demo.httpsPort() + "/ "));
    }

    @Test
    @DisplayName("port 0 picks free ports, and the banner says which")
    void portZeroPicksFreePorts() {
        assertThat(demo.httpPort()).isPositive();
        assertThat(demo.httpsPort()).isPositive().isNotEqualTo(demo.httpPort());
        assertThat(demo.backendPort()).isPositive().isNotIn(demo.httpPort(), demo.httpsPort());
        assertThat(demo.output()).contains("Ports: http " + demo.httpPort() + ", https " + demo.httpsPort()
                + ", tunnel backend " + demo.backendPort());
    }

    @Test
    @DisplayName("/echo switches to echo/1 and echoes the bytes")
    void echoSwitchesAndEchoes() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            c.send("GET /echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: foo/2, echo/1\r\nConnection: upgrade\r\n\r\n");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 ");
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            c.send("hello demo");
            assertThat(c.readString(10)).isEqualTo("hello demo");
        }
    }

    @Test
    @DisplayName("a plain GET of /echo gets 426 naming echo/1")
    void plainGetOfEchoGets426() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", demo.httpPort())) {
            Response r = c.send("GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
            assertThat(r.head().statusLine()).isEqualTo("HTTP/1.1 426 ");
            assertThat(r.head().values("Upgrade")).containsExactly("echo/1");
            assertThat(r.head().values("Connection")).containsExactly("upgrade");
        }
    }

    @Test
    @DisplayName("/stats reports the echo/1 upgrades as JSON")
    void statsReportsUpgrades() throws Exception {
        echoSwitchesAndEchoes();
        JsonNode stats = DemoStats.read(demo);
        assertThat(stats.path("protocols").path("echo/1").path("upgrades").asLong()).isPositive();
    }

    @Test
    @DisplayName("/stats is JSON that is never cached")
    void statsIsUncachedJson() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(demo.http("/stats"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new ObjectMapper().readTree(r.body()).fieldNames()).toIterable()
                .contains("upgradeRequests", "protocols", "tunnel", "chat");
    }

    @Test
    @DisplayName("the page is served over https with the generated certificate")
    void pageOverHttps() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(DemoTls.trusting(demo.keystore())).build().send(
                HttpRequest.newBuilder(demo.https("/")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Switchboard</h1>", "demo.js");
    }

    @Test
    @DisplayName("Ctrl-C stops the demo with exit status 0")
    void ctrlCStopsWithStatusZero() throws Exception {
        try (DemoProcess second = DemoProcess.start()) {
            assertThat(second.stopWith("INT")).as("exit status; output: %s", second.output()).isZero();
            assertThat(second.output()).contains("Switchboard demo stopped.");
        }
    }
}
