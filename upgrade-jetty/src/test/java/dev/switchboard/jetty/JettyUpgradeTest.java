package dev.switchboard.jetty;

import static dev.switchboard.jetty.AdapterJetty.upgradeRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.echo.EchoProtocol;

/**
 * The adapter on a real Jetty 12.1, through Switchboard's filter: the bytes a handler gets
 * and sends after the switch, whatever the client's timing, with non-blocking and blocking
 * streams, and when the container calls the handler.
 */
class JettyUpgradeTest {

    private static AdapterJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = AdapterJetty.start(Duration.ofSeconds(30), HandlerOptions.DEFAULT, List.of(new EchoProtocol(),
                Handlers.protocol("upper/1", Handlers.BlockingUpper.class),
                Handlers.protocol("lifecycle/1", Handlers.Lifecycle.class)));
    }

    @AfterAll
    static void stop() {
        jetty.close();
    }

    private static RawConnection switched(String protocol) throws IOException {
        RawConnection c = jetty.connect();
        c.send(upgradeRequest("x", protocol));
        ResponseHead head = c.readHead();
        assertThat(head.status()).as(head.raw()).isEqualTo(101);
        assertThat(head.values("Upgrade")).containsExactly(protocol);
        return c;
    }

    @Test
    @DisplayName("a client that waits for the 101 before sending gets its bytes echoed")
    void waitingClientIsEchoed() throws IOException {
        try (RawConnection c = switched("echo/1")) {
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
            c.send("pong");
            assertThat(c.readString(4)).isEqualTo("pong");
        }
    }

    @Test
    @DisplayName("bytes sent together with the request come first, then those sent after the 101")
    void pipelinedBytesComeFirst() throws IOException {
        try (RawConnection c = jetty.connect()) {
            c.send(upgradeRequest("x", "echo/1") + "early");
            assertThat(c.readHead().status()).isEqualTo(101);
            assertThat(c.readString(5)).isEqualTo("early");
            c.send("late");
            assertThat(c.readString(4)).isEqualTo("late");
        }
    }

    @Test
    @DisplayName("an HTTP request sent after the switch is protocol data: echoed, never served")
    void httpAfterTheSwitchIsData() throws IOException {
        try (RawConnection c = switched("echo/1")) {
            String request = "GET /app/other HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            c.send(request);
            assertThat(c.readString(request.length())).isEqualTo(request);
        }
    }

    @Test
    @DisplayName("after the client half-closes, what it sent is echoed, then the server closes")
    void halfCloseEndsTheEcho() throws IOException {
        try (RawConnection c = switched("echo/1")) {
            c.send("last words");
            c.shutdownOutput();
            assertThat(new String(c.readToEnd(), StandardCharsets.ISO_8859_1)).isEqualTo("last words");
        }
    }

    @Test
    @DisplayName("8 MiB are echoed whole and in order while the client writes and reads at the same time")
    void largeTransferKeepsOrder() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(data);
        try (RawConnection c = switched("echo/1")) {
            c.timeout(Duration.ofSeconds(30));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int off = 0; off < data.length; off += 64 * 1024) {
                        c.output().write(data, off, Math.min(64 * 1024, data.length - off));
                    }
                    c.output().flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] echoed = c.readBytes(data.length);
            writer.get(60, TimeUnit.SECONDS);
            assertThat(echoed).isEqualTo(data);
        }
    }

    @Test
    @DisplayName("a handler with blocking streams reads and writes after the switch, and half-closes")
    void blockingStreamsWork() throws IOException {
        try (RawConnection c = switched("upper/1")) {
            c.send("abc");
            assertThat(c.readString(3)).isEqualTo("ABC");
            c.send("xyz");
            assertThat(c.readString(3)).isEqualTo("XYZ");
            c.shutdownOutput();
            assertThat(c.readToEnd()).isEmpty();
        }
    }

    @Test
    @DisplayName("init, the read callbacks and destroy run once each, in the web application's class loader")
    void callbacksRunInTheApplication() throws Exception {
        Handlers.Lifecycle.EVENTS.clear();
        try (RawConnection c = switched("lifecycle/1")) {
            c.send("some data");
            assertThat(Handlers.Lifecycle.EVENTS.poll(10, TimeUnit.SECONDS)).isEqualTo("init in application");
            assertThat(Handlers.Lifecycle.EVENTS.poll(10, TimeUnit.SECONDS)).isEqualTo("data in application");
            c.shutdownOutput();
            List<String> rest = new ArrayList<>();
            for (String e; !"destroy in application".equals(e = Handlers.Lifecycle.EVENTS.poll(10, TimeUnit.SECONDS)); ) {
                assertThat(e).as("events so far: " + rest).isNotNull();
                rest.add(e);
            }
            assertThat(rest).filteredOn(e -> !e.startsWith("data")).containsExactly("end in application");
            assertThat(c.isClosedByPeer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(Handlers.Lifecycle.EVENTS.poll(1, TimeUnit.SECONDS)).as("anything after destroy").isNull();
    }

    @Test
    @DisplayName("a CONNECT answered 200 through the adapter becomes a tunnel to the handler")
    void connectBecomesATunnel() throws IOException {
        try (RawConnection c = jetty.connect()) {
            c.send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head.has("Transfer-Encoding")).as(head.raw()).isFalse();
            // RFC 9110 section 9.3.6 forbids Content-Length here and tells clients to ignore it;
            // Jetty's HTTP/1.1 generator adds it to every complete response, ConnectHandler's too.
            assertThat(head.values("Content-Length")).containsExactly("0");
            c.send("abc");
            assertThat(c.readString(3)).isEqualTo("ABC");
        }
    }

    @Test
    @DisplayName("switching after the response was committed fails with IllegalStateException")
    void committedResponseCannotSwitch() throws IOException {
        try (RawConnection c = jetty.connect()) {
            c.send("GET /app/committed HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(c.readResponse().bodyText())
                    .isEqualTo("committed; Cannot switch protocols: the response is already committed");
        }
    }
}
