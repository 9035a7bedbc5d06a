package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.ProxyBackends;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocketListener;

/**
 * The tunnel with a real backend: a second container serving {@code echo/1} and a
 * WebSocket echo (subprotocols {@code chat.v2}, {@code chat.v1}; permessage-deflate), driven
 * through the gateway by the JDK WebSocket client, Tyrus and OkHttp, none of which knows a
 * tunnel is there. Deploy {@code ProxyDeployments.gateway(name, Map.of())}; the gateway must
 * run in this JVM for the compression test, which reads the tunnel's byte counter. The
 * integration test class also runs the backend, {@code ProxyDeployments.backend(ProxyBackends.BACKEND_CONTEXT)}
 * on {@link ProxyBackends#TOMCAT_PORT}, on a container of its own kind (a
 * {@link dev.switchboard.testing.proxy.BackendServer} extension).
 */
public abstract class TunnelWebSocketScenarios {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The gateway with the default tunnel routes. */
    protected abstract ServerUnderTest server();

    private URI ws(String scheme) {
        ServerUnderTest s = server();
        return URI.create(scheme + "://" + s.host() + s.path("tomcat/ws"));
    }

    @Test
    @DisplayName("PRX-02 echo/1 on a real backend switches end to end and echoes through the tunnel")
    void echoThroughTheTunnel() throws IOException {
        ServerUnderTest s = server();
        try (RawConnection client = RawConnection.open(s.base())) {
            client.send(Requests.upgrade(s, "tomcat/echo", "foo/2, echo/1"));
            ResponseHead head = client.readHead();
            if (head.status() != 101) {
                throw new AssertionError("expected a 101 but got " + head.raw()
                        + new String(client.readBody(head), java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(head.statusLine()).isEqualTo(s.container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
            client.send("ping through two containers");
            assertThat(client.readString(27)).isEqualTo("ping through two containers");
        }
    }

    @Test
    @DisplayName("PRX-02 the JDK WebSocket client negotiates a subprotocol with the backend through the tunnel")
    void jdkClientThroughTheTunnel() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("chat.v1").connectTimeout(WAIT)
                .buildAsync(ws("ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            reply.complete(text.toString());
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("chat.v1");
            socket.sendText("hello through the tunnel", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello through the tunnel");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    @DisplayName("PRX-04 the JDK WebSocket client gets a 512 KiB binary message back unchanged")
    void largeBinaryMessage() throws Exception {
        byte[] payload = new byte[512 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7 + (i >>> 11));
        }
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(ws("ws"), new WebSocket.Listener() {
                    private final java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        got.write(b, 0, b.length);
                        if (last) {
                            reply.complete(got.toByteArray());
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            socket.sendBinary(ByteBuffer.wrap(payload), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payload);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    @DisplayName("PRX-02 Tyrus negotiates the subprotocol it prefers with the backend through the tunnel")
    void tyrusThroughTheTunnel() throws Exception {
        BlockingQueue<String> replies = new ArrayBlockingQueue<>(4);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("chat.v2", "chat.v1")).build();
        ClientManager client = ClientManager.createClient();
        try {
            Session session = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig endpointConfig) {
                    session.setMaxTextMessageBufferSize(1 << 20);
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) replies::add);
                }
            }, config, ws("ws"));
            try {
                assertThat(session.getNegotiatedSubprotocol()).isEqualTo("chat.v2");
                String text = "tyrus ".repeat(20_000);
                session.getBasicRemote().sendText(text);
                assertThat(replies.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(text);
            } finally {
                session.close();
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    @DisplayName("PRX-02 OkHttp negotiates permessage-deflate with the backend and compressed frames cross the tunnel")
    void permessageDeflateEndToEnd() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().readTimeout(WAIT).build();
        CompletableFuture<String> extensions = new CompletableFuture<>();
        CompletableFuture<String> reply = new CompletableFuture<>();
        String text = "compress me, ".repeat(10_000);
        try {
            long before = bytesToBackend();
            okhttp3.WebSocket socket = client.newWebSocket(new Request.Builder().url(ws("http").toString()).build(),
                    new WebSocketListener() {
                        @Override
                        public void onOpen(okhttp3.WebSocket webSocket, Response response) {
                            extensions.complete(String.valueOf(response.header("Sec-WebSocket-Extensions")));
                        }

                        @Override
                        public void onMessage(okhttp3.WebSocket webSocket, String message) {
                            reply.complete(message);
                        }

                        @Override
                        public void onFailure(okhttp3.WebSocket webSocket, Throwable t, Response response) {
                            extensions.completeExceptionally(t);
                            reply.completeExceptionally(t);
                        }
                    });
            assertThat(extensions.get(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("permessage-deflate");
            socket.send(text);
            assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(text);
            // 130,000 characters went out as a few hundred compressed bytes, relayed unchanged.
            assertThat(bytesToBackend() - before).isLessThan(text.length() / 10);
            socket.close(1000, "done");
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private long bytesToBackend() throws Exception {
        String context = ObjectName.quote(server().base().getPath().replaceAll("/$", ""));
        return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(
                new ObjectName("dev.switchboard:type=Tunnel,context=" + context), "BytesToBackend")).longValue();
    }
}
