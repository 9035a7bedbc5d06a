package dev.switchboard.websocket;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletContext;

/**
 * The programmatic WebSocket endpoints of one web application. Register from a
 * {@code ServletContextListener}, a {@code ServletContainerInitializer}, or later; the
 * {@code websocket} protocol sees changes from the next handshake on.
 *
 * <pre>
 * WebSocketEndpoints.of(servletContext)
 *         .add(WebSocketEndpoint.builder("/ws/chat", ChatEndpoint.class)
 *                 .subprotocols(SubprotocolPolicy.serverPreference("chat.v2", "chat.v1"))
 *                 .build())
 *         .add(WebSocketEndpoint.of("/ws/echo", EchoEndpoint.class));
 * </pre>
 *
 * Thread-safe.
 */
public final class WebSocketEndpoints {

    /** The servlet-context attribute under which the registry is kept. */
    public static final String ATTRIBUTE = WebSocketEndpoints.class.getName();

    private final CopyOnWriteArrayList<WebSocketEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();

    private WebSocketEndpoints() {
    }

    /** The registry of {@code context}, created on first use. */
    public static WebSocketEndpoints of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof WebSocketEndpoints registry) {
                return registry;
            }
            WebSocketEndpoints registry = new WebSocketEndpoints();
            context.setAttribute(ATTRIBUTE, registry);
            return registry;
        }
    }

    /**
     * Adds {@code endpoint}.
     *
     * @return this registry
     * @throws IllegalArgumentException if an endpoint with the same path is registered
     */
    public synchronized WebSocketEndpoints add(WebSocketEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        for (WebSocketEndpoint e : endpoints) {
            if (e.path().equals(endpoint.path())) {
                throw new IllegalArgumentException("a WebSocket endpoint is already registered at " + endpoint.path());
            }
        }
        endpoints.add(endpoint);
        version.incrementAndGet();
        return this;
    }

    /** Removes {@code endpoint}; returns whether it was registered. Open sessions stay open. */
    public synchronized boolean remove(WebSocketEndpoint endpoint) {
        boolean removed = endpoints.remove(endpoint);
        if (removed) {
            version.incrementAndGet();
        }
        return removed;
    }

    /** The endpoints, in registration order. */
    public List<WebSocketEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Changes with every registration, so that the protocol knows when to rebuild its routes. */
    long version() {
        return version.get();
    }
}
