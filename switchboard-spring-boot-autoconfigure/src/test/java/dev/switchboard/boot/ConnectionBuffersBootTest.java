package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.switchboard.boot.app.RunningApp;
import dev.switchboard.boot.app.WebSocketApplication;

/**
 * Boot's embedded Tomcat with the starter keeps small buffers per connection by default, and
 * messages larger than them still go through whole.
 */
class ConnectionBuffersBootTest {

    private static Connector connector(RunningApp app) {
        return ((TomcatWebServer) ((WebServerApplicationContext) app.context()).getWebServer()).getTomcat().getConnector();
    }

    @Test
    void theStarterGivesBootsTomcatConnector2KiBBuffersByDefault() {
        try (RunningApp app = RunningApp.start(List.of(WebSocketApplication.class))) {
            assertThat(connector(app).getProperty("socket.appReadBufSize")).hasToString("2048");
            assertThat(connector(app).getProperty("socket.appWriteBufSize")).hasToString("2048");
        }
    }

    @Test
    void enabledFalseLeavesTomcatsOwnBuffers() {
        try (RunningApp app = RunningApp.start(List.of(WebSocketApplication.class),
                "switchboard.tomcat.connection-buffers.enabled=false")) {
            assertThat(connector(app).getProperty("socket.appReadBufSize")).hasToString("8192");
            assertThat(connector(app).getProperty("socket.appWriteBufSize")).hasToString("8192");
        }
    }

    @Test
    void aMessageThreeTimesTheBufferSizeIsEchoedWholeThroughASpringHandler() throws Exception {
        try (RunningApp app = RunningApp.start(List.of(WebSocketApplication.class))) {
            String message = "0123456789abcdef".repeat(384);
            CompletableFuture<String> echoed = new CompletableFuture<>();
            StringBuilder received = new StringBuilder();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/ws/echo"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            received.append(data);
                            if (last) {
                                echoed.complete(received.toString());
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);

            ws.sendText(message, true);

            assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(message);
            ws.abort();
        }
    }
}
