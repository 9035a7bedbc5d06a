package dev.switchboard.testing.clients;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Jetty 12's WebSocket client, with Jetty's permessage-deflate. */
public final class JettyEchoClient implements EchoClient {

    private final WebSocketClient client;
    private final Session session;
    private final Inbox inbox;

    private JettyEchoClient(WebSocketClient client, Session session, Inbox inbox) {
        this.client = client;
        this.session = session;
        this.inbox = inbox;
    }

    /** Connects, offering {@code subprotocols} in order and permessage-deflate. */
    public static EchoClient connect(URI uri, List<String> subprotocols) throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.setMaxTextMessageSize(MAX_MESSAGE);
        client.setMaxBinaryMessageSize(MAX_MESSAGE);
        client.setIdleTimeout(TIMEOUT);
        client.start();
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.setSubProtocols(subprotocols);
        request.addExtensions("permessage-deflate");
        Inbox inbox = new Inbox();
        Session session;
        try {
            session = client.connect(new Listener(inbox), request).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            client.stop();
            throw e;
        }
        return new JettyEchoClient(client, session, inbox);
    }

    @Override
    public String subprotocol() {
        return session.getUpgradeResponse().getAcceptedSubProtocol();
    }

    @Override
    public List<String> extensions() {
        List<String> names = new ArrayList<>();
        for (ExtensionConfig e : session.getUpgradeResponse().getExtensions()) {
            names.add(e.getName());
        }
        return names;
    }

    @Override
    public String echo(String text) throws Exception {
        Callback.Completable sent = new Callback.Completable();
        session.sendText(text, sent);
        sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return inbox.takeText();
    }

    @Override
    public byte[] echo(byte[] data) throws Exception {
        Callback.Completable sent = new Callback.Completable();
        session.sendBinary(ByteBuffer.wrap(data), sent);
        sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return inbox.takeBinary();
    }

    @Override
    public void close() throws Exception {
        try {
            session.close(1000, "done", Callback.NOOP);
        } finally {
            client.stop();
        }
    }

    /** Public, because Jetty looks the listener's methods up with method handles. */
    public static final class Listener extends Session.Listener.AbstractAutoDemanding {
        private final Inbox inbox;

        Listener(Inbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public void onWebSocketText(String message) {
            inbox.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            inbox.add(bytes);
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            inbox.fail(cause);
        }
    }
}
