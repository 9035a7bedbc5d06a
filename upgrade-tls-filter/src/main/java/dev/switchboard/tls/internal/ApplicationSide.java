package dev.switchboard.tls.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.tls.internal.bridge.ContainerSide;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * The container side of an RFC 2817 connection that a web application switched: the bridge
 * leads back into the connector the 101 went out on, every request is checked and rewritten
 * by a {@link RequestRelay} (which writes the connection's token into each head), and the
 * socket is registered in the application's {@link BridgeRegistry}, which is how the
 * application knows its requests for secure ones. Refusals and the 503 are answered by
 * {@link BridgeAnswers}. One per connection; serialised with it.
 */
public final class ApplicationSide implements ContainerSide {

    private final BridgeRegistry registry;
    private final InetSocketAddress target;
    private final String clientAddress;
    private final int clientPort;
    private final String token = BridgeRegistry.newToken();
    private final RequestRelay relay;
    private BridgeRegistry.Entry entry;

    /**
     * @param target the connector to bridge into (the one the 101 went out on)
     * @param maxRequestHeadSize the largest request head passed on (431 past it)
     */
    public ApplicationSide(BridgeRegistry registry, InetSocketAddress target, BridgeRules rules,
            int maxRequestHeadSize, String clientAddress, int clientPort) {
        this.registry = registry;
        this.target = target;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.relay = new RequestRelay(rules, token, maxRequestHeadSize);
    }

    @Override
    public InetSocketAddress target() {
        return target;
    }

    @Override
    public byte[] relay(ByteBuffer plain, Consumer<ByteBuffer> toContainer) {
        HttpStatusException refused = relay.feed(plain, toContainer::accept);
        return refused == null ? null : BridgeAnswers.response(refused);
    }

    @Override
    public boolean register(InetSocketAddress local, TlsSession session) {
        BridgeRegistry.Entry e = new BridgeRegistry.Entry(local.getAddress().getHostAddress(), local.getPort(),
                target.getPort(), clientAddress, clientPort, session, token);
        if (!registry.register(e)) {
            return false;
        }
        entry = e;
        return true;
    }

    @Override
    public void unregister() {
        if (entry != null) {
            registry.unregister(entry);
        }
    }

    /**
     * Between requests on an open bridge, while the connection waits for the container, the
     * container's own timeouts govern: its keep-alive timeout ends an idle connection (with a
     * {@code close_notify}), and a response that takes long must not be cut by the
     * connection's idle timeout. The idle timeout applies whenever the connection waits for
     * the client instead: in the middle of a request, which the container has not seen whole;
     * while the client does not take what was sent (a client that stops reading, with
     * requests outstanding); and once the connection is ending and only waits for its last
     * bytes to be taken.
     */
    @Override
    public boolean idleTimeoutApplies(boolean finishing, boolean clientSlow) {
        return finishing || clientSlow || !relay.atRequestBoundary();
    }

    @Override
    public byte[] unavailable() {
        return BridgeAnswers.response(new HttpStatusException(HttpSpec.SC_SERVICE_UNAVAILABLE,
                "The application cannot be reached over this connection"));
    }
}
