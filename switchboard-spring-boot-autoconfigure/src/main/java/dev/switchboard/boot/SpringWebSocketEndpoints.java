package dev.switchboard.boot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import dev.switchboard.websocket.EndpointPolicy;
import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketEndpoints;
import jakarta.servlet.ServletContext;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.handler.ExceptionWebSocketHandlerDecorator;
import org.springframework.web.socket.handler.LoggingWebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Puts the application's Spring WebSocket endpoints ({@code @EnableWebSocket} handlers and
 * STOMP endpoints alike: both are {@link WebSocketHttpRequestHandler}s of a
 * {@link WebSocketHandlerMapping}) under Switchboard's WebSocket policy:
 * <ul>
 *   <li>each path becomes a {@linkplain WebSocketEndpoint#delegated delegated} Switchboard
 *       endpoint, so that Switchboard applies the {@code switchboard.websocket.*} policy (and
 *       {@code switchboard.websocket.endpoint.<name>.*}, named after the path: {@code /ws/echo}
 *       is {@code ws-echo}) before Spring sees the handshake; the subprotocols the handler
 *       declares and the origins Spring was given become part of that policy;</li>
 *   <li>Spring's handshake answers with Switchboard's decision
 *       ({@link SwitchboardHandshakeHandler}) in place of Spring's own origin check, and
 *       switches through the Jakarta WebSocket API on Jetty too ({@link JakartaHandshake}), so
 *       that the sessions can be held to the endpoint's limits.</li>
 * </ul>
 * The handlers are replaced as the mapping bean is created, before it registers them. SockJS
 * endpoints keep Spring's handling.
 */
final class SpringWebSocketEndpoints implements InstantiationAwareBeanPostProcessor, SmartInitializingSingleton,
        ApplicationContextAware {

    private static final Logger LOG = Logger.getLogger(SpringWebSocketEndpoints.class.getName());

    private final String servletPath;
    private final boolean enabled;
    private final List<WebSocketEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private ApplicationContext context;

    /**
     * @param servletPath the dispatcher servlet's path ({@code spring.mvc.servlet.path}), {@code /} by default
     * @param enabled whether Switchboard's {@code websocket} protocol is on; when it is not, Spring's
     *     endpoints are left as they are
     */
    SpringWebSocketEndpoints(String servletPath, boolean enabled) {
        this.servletPath = servletPath == null || servletPath.equals("/") ? "" : servletPath.replaceAll("/+$", "");
        this.enabled = enabled;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.context = applicationContext;
    }

    @Override
    @SuppressWarnings("unchecked") // the mapping's own map, which takes any handler object
    public boolean postProcessAfterInstantiation(Object bean, String beanName) {
        if (enabled && bean instanceof WebSocketHandlerMapping mapping) {
            Map<Object, Object> replaced = new IdentityHashMap<>();
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) mapping.getUrlMap()).entrySet()) {
                if (entry.getValue() instanceof WebSocketHttpRequestHandler handler) {
                    entry.setValue(replaced.computeIfAbsent(handler, h -> underSwitchboard(handler)));
                    endpoint(entry.getKey(), handler);
                }
            }
        }
        return true;
    }

    private static WebSocketHttpRequestHandler underSwitchboard(WebSocketHttpRequestHandler handler) {
        WebSocketHttpRequestHandler replacement = new WebSocketHttpRequestHandler(undecorated(handler.getWebSocketHandler()),
                new SwitchboardHandshakeHandler(JakartaHandshake.of(handler.getHandshakeHandler())));
        List<HandshakeInterceptor> interceptors = new ArrayList<>(handler.getHandshakeInterceptors());
        interceptors.removeIf(OriginHandshakeInterceptor.class::isInstance);
        replacement.setHandshakeInterceptors(interceptors);
        return replacement;
    }

    /** The handler without the two decorators every {@link WebSocketHttpRequestHandler} adds, which the replacement adds again. */
    private static WebSocketHandler undecorated(WebSocketHandler handler) {
        if (handler instanceof ExceptionWebSocketHandlerDecorator outer
                && outer.getDelegate() instanceof LoggingWebSocketHandlerDecorator inner) {
            return inner.getDelegate();
        }
        return handler;
    }

    private void endpoint(String pattern, WebSocketHttpRequestHandler handler) {
        String path = servletPath + (pattern.startsWith("/") ? pattern : "/" + pattern);
        if (path.contains("*")) {
            LOG.info("Spring WebSocket endpoint " + path + ": a pattern, checked against the switchboard.websocket.* "
                    + "policy only (origin, authorization)");
            return;
        }
        List<String> origins = springOrigins(handler);
        List<String> subprotocols = AgreedHandler.subprotocolsOf(handler.getWebSocketHandler());
        WebSocketEndpoint.Builder builder = WebSocketEndpoint.delegated(path).name(name(path));
        if (!subprotocols.isEmpty()) {
            builder.policy(b -> b.supportedSubprotocols(subprotocols));
        }
        for (String origin : origins) {
            check(path, origin);
            builder.allowOrigin(origin);
        }
        endpoints.add(builder.build());
    }

    /** {@code /ws/echo} is named {@code ws-echo} for {@code switchboard.websocket.endpoint.<name>.*}. */
    static String name(String path) {
        return path.replaceAll("^[/{}]+|[/{}]+$", "").replaceAll("[/{}]+", "-");
    }

    /** The origins and origin patterns Spring's origin check was given, in Switchboard's notation. */
    private static List<String> springOrigins(WebSocketHttpRequestHandler handler) {
        List<String> origins = new ArrayList<>();
        for (HandshakeInterceptor interceptor : handler.getHandshakeInterceptors()) {
            if (interceptor instanceof OriginHandshakeInterceptor origin) {
                origins.addAll(origin.getAllowedOrigins());
                for (String pattern : origin.getAllowedOriginPatterns()) {
                    origins.addAll(expandPorts(pattern));
                }
            }
        }
        return origins;
    }

    /** Spring's {@code https://*.example.com:[8080,8443]} as one pattern per port; {@code :[*]} as {@code :*}. */
    static List<String> expandPorts(String pattern) {
        int open = pattern.lastIndexOf(":[");
        if (open < 0 || !pattern.endsWith("]")) {
            return List.of(pattern);
        }
        String base = pattern.substring(0, open);
        List<String> out = new ArrayList<>();
        for (String port : pattern.substring(open + 2, pattern.length() - 1).split(",")) {
            out.add(base + ":" + port.strip());
        }
        return out;
    }

    private static void check(String path, String origin) {
        try {
            EndpointPolicy.builder().allowOrigin(origin).build();
        } catch (IllegalArgumentException e) {
            throw new SwitchboardConfigurationException("The allowed origin " + origin + " of Spring's WebSocket endpoint "
                    + path + " has no equivalent in switchboard.websocket.origins: " + e.getMessage(),
                    "Allow it with exact origins or patterns such as https://*.example.com in "
                            + "switchboard.websocket.origins, and remove it from the Spring registration.");
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (endpoints.isEmpty()) {
            return;
        }
        if (!(context instanceof WebApplicationContext web) || web.getServletContext() == null) {
            return;
        }
        ServletContext servletContext = web.getServletContext();
        WebSocketEndpoints registry = WebSocketEndpoints.of(servletContext);
        for (WebSocketEndpoint endpoint : endpoints) {
            registry.add(endpoint);
        }
        LOG.fine(() -> "Spring WebSocket endpoints under Switchboard's policy: " + endpoints);
    }
}
