package dev.switchboard.testing.clients;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * The Tyrus standalone client (Grizzly transport) with Tyrus's permessage-deflate extension.
 * Created explicitly, never through {@code ContainerProvider}: Tomcat on the same class path
 * provides one too.
 */
public final class TyrusEchoClient implements EchoClient {

    private final ClientManager client;
    private final Session session;
    private final Inbox inbox;

    private TyrusEchoClient(ClientManager client, Session session, Inbox inbox) {
        this.client = client;
        this.session = session;
        this.inbox = inbox;
    }

    /** Connects, offering {@code subprotocols} in order and permessage-deflate. */
    public static EchoClient connect(URI uri, List<String> subprotocols) throws Exception {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, MAX_MESSAGE + 1024);
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, TIMEOUT.toMillis());
        client.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE);
        client.setDefaultMaxBinaryMessageBufferSize(MAX_MESSAGE);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(subprotocols)
                .extensions(List.of(new PerMessageDeflateExtension()))
                .build();
        Inbox inbox = new Inbox();
        Session session = client.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig c) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) inbox::add);
                s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    inbox.add(bytes);
                });
            }

            @Override
            public void onError(Session s, Throwable t) {
                inbox.fail(t);
            }
        }, config, uri);
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        return new TyrusEchoClient(client, session, inbox);
    }

    @Override
    public String subprotocol() {
        String s = session.getNegotiatedSubprotocol();
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public List<String> extensions() {
        List<String> names = new ArrayList<>();
        for (Extension e : session.getNegotiatedExtensions()) {
            names.add(e.getName());
        }
        return names;
    }

    @Override
    public String echo(String text) throws Exception {
        session.getBasicRemote().sendText(text);
        return inbox.takeText();
    }

    @Override
    public byte[] echo(byte[] data) throws Exception {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(data));
        return inbox.takeBinary();
    }

    @Override
    public void close() throws Exception {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
        } finally {
            client.shutdown();
        }
    }
}
