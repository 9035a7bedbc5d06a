package dev.switchboard.testing.clients;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * OkHttp's WebSocket, which always offers permessage-deflate. Its API has no subprotocol
 * setting: the offer is the {@code Sec-WebSocket-Protocol} request field, and what was agreed
 * is read from the 101.
 */
public final class OkHttpEchoClient implements EchoClient {

    private final OkHttpClient client;
    private final WebSocket socket;
    private final Response handshake;
    private final Inbox inbox;

    private OkHttpEchoClient(OkHttpClient client, WebSocket socket, Response handshake, Inbox inbox) {
        this.client = client;
        this.socket = socket;
        this.handshake = handshake;
        this.inbox = inbox;
    }

    /** Connects, offering {@code subprotocols} in order (and, as always, permessage-deflate). */
    public static EchoClient connect(URI uri, List<String> subprotocols) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .build();
        Request.Builder request = new Request.Builder().url(uri.toString().replaceFirst("^ws", "http"));
        if (!subprotocols.isEmpty()) {
            request.header("Sec-WebSocket-Protocol", String.join(", ", subprotocols));
        }
        Inbox inbox = new Inbox();
        CompletableFuture<Response> opened = new CompletableFuture<>();
        WebSocket socket = client.newWebSocket(request.build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                opened.complete(response);
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                inbox.add(text);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                inbox.add(bytes.toByteArray());
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                opened.completeExceptionally(t);
                inbox.fail(t);
            }
        });
        Response handshake;
        try {
            handshake = opened.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            socket.cancel();
            shutdown(client);
            throw e;
        }
        return new OkHttpEchoClient(client, socket, handshake, inbox);
    }

    @Override
    public String subprotocol() {
        return handshake.header("Sec-WebSocket-Protocol");
    }

    /** The names in the 101's {@code Sec-WebSocket-Extensions}, which OkHttp checked before opening. */
    @Override
    public List<String> extensions() {
        List<String> names = new ArrayList<>();
        String value = handshake.header("Sec-WebSocket-Extensions");
        if (value != null) {
            int semicolon = value.indexOf(';');
            names.add((semicolon < 0 ? value : value.substring(0, semicolon)).strip());
        }
        return names;
    }

    @Override
    public String echo(String text) throws Exception {
        if (!socket.send(text)) {
            throw new IllegalStateException("OkHttp did not queue the message");
        }
        return inbox.takeText();
    }

    @Override
    public byte[] echo(byte[] data) throws Exception {
        if (!socket.send(ByteString.of(data))) {
            throw new IllegalStateException("OkHttp did not queue the message");
        }
        return inbox.takeBinary();
    }

    @Override
    public void close() {
        socket.close(1000, "done");
        shutdown(client);
    }

    private static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
