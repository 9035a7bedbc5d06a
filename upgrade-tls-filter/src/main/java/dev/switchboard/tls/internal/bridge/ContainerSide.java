package dev.switchboard.tls.internal.bridge;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * How the decrypted side of one RFC 2817 connection reaches the container: what a web
 * application's bridge and a connector's bridge do differently, while the
 * {@link Rfc2817Session} does the rest the same for both. One instance per connection; every
 * call is serialised with the connection's callbacks.
 */
public interface ContainerSide {

    /** The connector the loopback link connects to. */
    InetSocketAddress target();

    /**
     * Passes plaintext from the client on toward the container through {@code toContainer},
     * checked as this side requires; the first call carries the upgraded request itself.
     *
     * @return null, or the complete response to a request the container must not see: the
     *     connection writes it after the responses to the requests before it, then ends
     */
    byte[] relay(ByteBuffer plain, Consumer<ByteBuffer> toContainer);

    /**
     * Registers the link's socket, connected from {@code local}, as this connection's, before
     * the container sees a byte of it.
     *
     * @return false if it cannot be registered: the connection then aborts
     */
    boolean register(InetSocketAddress local, TlsSession session);

    /** Removes the registration, if there is one; called before the socket closes. */
    void unregister();

    /**
     * Whether the connection's idle timeout may end it while it is bridged, rather than the
     * container's own timeouts.
     *
     * @param finishing the connection is ending and only waits for its last bytes to be taken
     * @param clientSlow reading from the container is paused because the client does not take
     *     what was sent
     */
    boolean idleTimeoutApplies(boolean finishing, boolean clientSlow);

    /** The complete response written over TLS when the container cannot be reached. */
    byte[] unavailable();
}
