package dev.switchboard.tomcat.tls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import dev.switchboard.tls.internal.bridge.ContainerSide;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * The container side of an RFC 2817 connection the connector switched: the decrypted byte
 * stream goes, unchanged, into the internal connector (see {@link InternalConnector}), which
 * parses it as HTTP/1.1 as it would any TLS connection's and reports its requests as secure
 * ones from the client's address; the link's socket is registered in {@link Bridges} by its
 * port. One per connection; serialised with it.
 */
final class ConnectorSide implements ContainerSide {

    /** The answer when the internal connector cannot be reached (the server is stopping). */
    private static final byte[] UNAVAILABLE = ("HTTP/1.1 503 Service Unavailable\r\n"
            + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 46\r\nConnection: close\r\n\r\n"
            + "The server cannot serve this connection now.\r\n").getBytes(StandardCharsets.US_ASCII);

    private final Bridges bridges;
    private final InetSocketAddress internalAddress;
    private final Bridge client;
    private Bridge registered;
    private int linkPort;

    /** @param client the client and connector addresses; the TLS session is filled in at registration */
    ConnectorSide(Bridges bridges, InetSocketAddress internalAddress, Bridge client) {
        this.bridges = bridges;
        this.internalAddress = internalAddress;
        this.client = client;
    }

    @Override
    public InetSocketAddress target() {
        return internalAddress;
    }

    /** Everything passes, unchanged: the internal connector parses it as Tomcat parses any request. */
    @Override
    public byte[] relay(ByteBuffer plain, Consumer<ByteBuffer> toContainer) {
        toContainer.accept(plain);
        return null;
    }

    @Override
    public boolean register(InetSocketAddress local, TlsSession session) {
        Bridge bridge = new Bridge(client.clientAddress(), client.clientPort(), client.localAddress(),
                client.localName(), client.localPort(), session);
        if (!bridges.register(local.getPort(), bridge)) {
            return false;
        }
        registered = bridge;
        linkPort = local.getPort();
        return true;
    }

    @Override
    public void unregister() {
        if (registered != null) {
            bridges.unregister(linkPort, registered);
        }
    }

    /**
     * Never once bridged: the internal connector's own timeouts govern (its keep-alive timeout
     * ends an idle connection, a slow response is not cut).
     */
    @Override
    public boolean idleTimeoutApplies(boolean finishing, boolean clientSlow) {
        return false;
    }

    @Override
    public byte[] unavailable() {
        return UNAVAILABLE.clone();
    }
}
