package dev.switchboard.tls.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.servlet.nio.Reactor;
import dev.switchboard.servlet.SwitchboardRuntime;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import dev.switchboard.tls.internal.bridge.Rfc2817Endpoint;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * The loopback connections that carry decrypted RFC 2817 traffic back into this
 * application, keyed by the local port of the bridge's socket, which is the remote port the
 * container reports for the requests on it; and the {@link Reactor} that drives
 * them, stopped with the application.
 *
 * <p>This is what makes "secure" unforgeable. A request is taken for a bridged one only when
 * all of these hold:
 * <ul>
 *   <li>it arrives from the port (and address) of a bridge socket this process holds open,
 *       on the connector that socket is connected to: while the socket is open the
 *       operating system gives its four-tuple to no one else, and the entry is removed
 *       before the socket is closed;</li>
 *   <li>its {@link #TOKEN_FIELD} carries that socket's token: 128 random bits, written by
 *       the bridge into every request head it passes on (and removed from anything a client
 *       sends), never sent to the client, and hidden from the application. The address
 *       alone would not do: a container valve such as Tomcat's {@code RemoteIpValve} may
 *       report a remote address taken from {@code X-Forwarded-For} (its defaults trust
 *       private and loopback ranges) while a client chooses its own source port.</li>
 * </ul>
 * One registry per application, a service of its {@link SwitchboardRuntime}, closed with it.
 * Thread-safe.
 */
public final class BridgeRegistry implements AutoCloseable {

    private static final String SERVICE = "tls-bridge";

    /**
     * One bridged connection.
     *
     * @param localAddress the bridge socket's address, as the container reports remote addresses
     * @param localPort the bridge socket's port
     * @param targetPort the connector port it is connected to
     * @param clientAddress the RFC 2817 client's address
     * @param clientPort the RFC 2817 client's port
     * @param session the TLS session with the client
     * @param token the connection's token, see {@link #newToken()}
     */
    public record Entry(String localAddress, int localPort, int targetPort, String clientAddress, int clientPort,
            TlsSession session, String token) {
    }

    /** The request field that carries a bridged connection's token from the bridge to this registry. */
    public static final String TOKEN_FIELD = "Switchboard-Bridge";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentHashMap<Integer, Entry> byPort = new ConcurrentHashMap<>();
    private final Reactor reactor;

    private BridgeRegistry(String threadName) {
        this.reactor = new Reactor(threadName, Rfc2817Endpoint.REACTOR_IDLE_EXIT);
    }

    /** The registry of {@code context}'s runtime, created on first use. */
    public static BridgeRegistry of(ServletContext context) {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context);
        return runtime.service(SERVICE, BridgeRegistry.class, () -> new BridgeRegistry(runtime.threadName(SERVICE)));
    }

    /**
     * Records an open bridge socket.
     *
     * @return false if another entry holds the port (the caller must not use this socket)
     */
    public boolean register(Entry entry) {
        return byPort.putIfAbsent(entry.localPort(), entry) == null;
    }

    /** Forgets {@code entry}; call before closing its socket. */
    public void unregister(Entry entry) {
        byPort.remove(entry.localPort(), entry);
    }

    /** A new connection token: 128 random bits in hex. */
    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The bridge that {@code request} arrived on, or null when it came from anywhere else. */
    public Entry find(HttpServletRequest request) {
        if (byPort.isEmpty()) {
            return null;
        }
        Entry e = byPort.get(request.getRemotePort());
        if (e == null || e.targetPort() != request.getLocalPort() || !e.localAddress().equals(request.getRemoteAddr())) {
            return null;
        }
        String token = request.getHeader(TOKEN_FIELD);
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.ISO_8859_1),
                e.token().getBytes(StandardCharsets.ISO_8859_1))) {
            return null;
        }
        return e;
    }

    /** The selector thread of this application's bridges. */
    public Reactor reactor() {
        return reactor;
    }

    /** Ends every bridge and the selector thread; the runtime calls it when the application stops. */
    @Override
    public void close() {
        reactor.close();
    }

    /** Open bridges. */
    public int size() {
        return byPort.size();
    }
}
