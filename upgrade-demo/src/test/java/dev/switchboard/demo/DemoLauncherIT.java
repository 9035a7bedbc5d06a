package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.demo.launcher.DemoLauncher;
import dev.switchboard.it.RawConnection;
import dev.switchboard.it.RawConnection.Response;
import dev.switchboard.it.ResponseHead;

/**
 * The demo as a user runs it: the launcher in its own JVM on free ports, driven over the wire,
 * then stopped with Ctrl-C (SIGINT).
 */
class DemoLauncherIT {

    private static final Pattern URL = Pattern.compile("(https?)://127\\.0\\.0\\.1:(\\d+)/ ");
    private static Process demo;
    private static final List<String> output = new ArrayList<>();
    private static int httpPort;
    private static int httpsPort;

    @BeforeAll
    static void startDemo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        demo = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dswitchboard.demo.war=" + System.getProperty("switchboard.demo.war"),
                "-Dswitchboard.demo.workdir=" + System.getProperty("switchboard.demo.workdir"),
                DemoLauncher.class.getName(), "--http-port", "0", "--https-port", "0")
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
            output.add(line);
            Matcher m = URL.matcher(line);
            if (m.find() && httpPort == 0 && m.group(1).equals("http")) {
                httpPort = Integer.parseInt(m.group(2));
            } else if (m.find(0) && httpsPort == 0 && m.group(1).equals("https")) {
                httpsPort = Integer.parseInt(m.group(2));
            }
            if (line.startsWith("Press Ctrl-C")) {
                break;
            }
        }
        assertThat(httpPort).as("http port in the banner; output: %s", output).isPositive();
        assertThat(httpsPort).as("https port in the banner; output: %s", output).isPositive();
        Thread drain = new Thread(() -> lines.lines().forEach(output::add), "demo-output");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopDemo() {
        if (demo.isAlive()) {
            demo.destroyForcibly();
        }
    }

    @Test
    @DisplayName("the banner names every URL with the ports actually chosen")
    void bannerNamesTheUrls() {
        assertThat(output).anyMatch(l -> l.contains("http://127.0.0.1:" + httpPort + "/echo "));
        assertThat(output).anyMatch(l -> l.contains("http://127.0.0.1:" + httpPort + "/stats "));
        assertThat(output).anyMatch(l -> l.contains("https://127.0.0.1:" + httpsPort + "/ "));
    }

    @Test
    @DisplayName("/echo switches to echo/1 and echoes the bytes")
    void echoSwitchesAndEchoes() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", httpPort)) {
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
        try (RawConnection c = RawConnection.open("127.0.0.1", httpPort)) {
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
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/stats"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode stats = new ObjectMapper().readTree(r.body());
        assertThat(stats.path("protocols").path("echo/1").path("upgrades").asLong()).isPositive();
    }

    @Test
    @DisplayName("the page is served over https with the generated certificate")
    void pageOverHttps() throws Exception {
        javax.net.ssl.SSLContext trust = DemoTls.trusting(
                Path.of(System.getProperty("switchboard.demo.workdir"), "demo-keystore.p12"));
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(trust).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Switchboard</h1>");
    }

    @Test
    @DisplayName("Ctrl-C stops the demo with exit status 0")
    void ctrlCStopsWithStatusZero() throws Exception {
        // Runs last by name order is not guaranteed: use a second instance so the others keep theirs.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process second = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dswitchboard.demo.war=" + System.getProperty("switchboard.demo.war"),
                "-Dswitchboard.demo.workdir=" + System.getProperty("switchboard.demo.workdir"),
                DemoLauncher.class.getName(), "--http-port", "0", "--https-port", "0")
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = lines.readLine()) != null && !line.startsWith("Press Ctrl-C")) {
            seen.add(line);
        }
        assertThat(line).as("banner; output: %s", seen).isNotNull();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(second.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        List<String> rest = lines.lines().toList();
        assertThat(second.exitValue()).as("exit status; output: %s", rest).isZero();
        assertThat(rest).contains("Switchboard demo stopped.");
    }
}
