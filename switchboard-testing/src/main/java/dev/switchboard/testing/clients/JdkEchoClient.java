package dev.switchboard.testing.clients;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code java.net.http.WebSocket}. The JDK client implements no extension: it never offers
 * permessage-deflate, so none is agreed.
 */
public final class JdkEchoClient implements EchoClient {

    private final HttpClient http; // kept so that its selector thread lives as long as the socket
    private final WebSocket socket;
    private final Inbox inbox;

    private JdkEchoClient(HttpClient http, WebSocket socket, Inbox inbox) {
        this.http = http;
        this.socket = socket;
        this.inbox = inbox;
    }

    /** Connects, offering {@code subprotocols} in order. */
    public static EchoClient connect(URI uri, List<String> subprotocols) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        Inbox inbox = new Inbox();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(new String[0]));
        }
        WebSocket socket = builder.buildAsync(uri, new Collector(inbox)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new JdkEchoClient(http, socket, inbox);
    }

    @Override
    public String subprotocol() {
        String s = socket.getSubprotocol();
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public List<String> extensions() {
        return List.of();
    }

    @Override
    public String echo(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return inbox.takeText();
    }

    @Override
    public byte[] echo(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return inbox.takeBinary();
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reassembles messages that arrive in parts. */
    private static final class Collector implements WebSocket.Listener {
        private final Inbox inbox;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Collector(Inbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                inbox.add(binary.toByteArray());
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            inbox.fail(error);
        }
    }
}
