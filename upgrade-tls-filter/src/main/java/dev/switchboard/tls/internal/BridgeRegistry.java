package dev.switchboard.tls.internal;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The loopback connections that carry decrypted RFC 2817 traffic back into this
 * application, keyed by the local port of the bridge's socket, which is the remote port the
 * container reports for the requests on it; and the {@link LoopbackReactor} that drives
 * them, stopped with the application.
 *
 * <p>This is what makes "secure" unforgeable: a request is taken for a bridged one only when
 * it arrives from an address and port at which this process holds an open bridge socket,
 * on the connector that socket is connected to. No field or byte a peer sends can produce
 * that; while the socket is open the operating system gives its four-tuple to no one else,
 * and the entry is removed before the socket is closed. One registry per application
 * (servlet-context attribute). Thread-safe.
 */
public final class BridgeRegistry {

    private static final String ATTRIBUTE = BridgeRegistry.class.getName();

    /**
     * One bridged connection.
     *
     * @param localAddress the bridge socket's address, as the container reports remote addresses
     * @param localPort the bridge socket's port
     * @param targetPort the connector port it is connected to
     * @param clientAddress the RFC 2817 client's address
     * @param clientPort the RFC 2817 client's port
     * @param session the TLS session with the client
     */
    public record Entry(String localAddress, int localPort, int targetPort, String clientAddress, int clientPort,
            TlsSession session) {
    }

    private final ConcurrentHashMap<Integer, Entry> byPort = new ConcurrentHashMap<>();
    private final LoopbackReactor reactor;

    private BridgeRegistry(String contextPath) {
        this.reactor = new LoopbackReactor("switchboard-tls-bridge" + (contextPath.isEmpty() ? "" : contextPath.replace('/', '-')));
    }

    /** The registry of {@code context}, created on first use. */
    public static BridgeRegistry of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof BridgeRegistry registry) {
                return registry;
            }
            BridgeRegistry registry = new BridgeRegistry(context.getContextPath());
            context.setAttribute(ATTRIBUTE, registry);
            return registry;
        }
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

    /** The bridge that {@code request} arrived on, or null when it came from anywhere else. */
    public Entry find(HttpServletRequest request) {
        if (byPort.isEmpty()) {
            return null;
        }
        Entry e = byPort.get(request.getRemotePort());
        if (e == null || e.targetPort() != request.getLocalPort() || !e.localAddress().equals(request.getRemoteAddr())) {
            return null;
        }
        return e;
    }

    /** The selector thread of this application's bridges. */
    public LoopbackReactor reactor() {
        return reactor;
    }

    /** Ends every bridge and the selector thread; for when the application stops. */
    public void stop() {
        reactor.stop();
    }

    /** Open bridges. */
    public int size() {
        return byPort.size();
    }
}
