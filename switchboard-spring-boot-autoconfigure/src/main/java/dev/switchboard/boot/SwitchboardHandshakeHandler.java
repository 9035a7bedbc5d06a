package dev.switchboard.boot;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.switchboard.websocket.SwitchboardConfigurator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.springframework.context.Lifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.HandshakeHandler;

/**
 * Spring's handshake for an endpoint under Switchboard's WebSocket policy. Switchboard's
 * {@code websocket} protocol has already validated the handshake and applied the endpoint's
 * policy before the request reached Spring; this handler makes Spring's own handshake answer
 * with that decision:
 * <ul>
 *   <li>the origin: the one Switchboard allowed, or 403 for a handshake Switchboard did not see
 *       (it stands in for Spring's {@code OriginHandshakeInterceptor}, so that one origin list,
 *       Switchboard's, serves both);</li>
 *   <li>the subprotocol: exactly the one Switchboard agreed, or none;</li>
 *   <li>the session: admitted under the endpoint's limits (open sessions, idle timeout,
 *       message size, 1001 when the application stops), through {@link AgreedHandler}.</li>
 * </ul>
 * The rest of the handshake (interceptors, principal, extensions, the upgrade) is the handler
 * it wraps. Thread-safe.
 */
final class SwitchboardHandshakeHandler implements HandshakeHandler, Lifecycle, ServletContextAware {

    private static final SwitchboardConfigurator AGREEMENT = new SwitchboardConfigurator();

    private final HandshakeHandler delegate;

    SwitchboardHandshakeHandler(HandshakeHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean doHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
            Map<String, Object> attributes) throws HandshakeFailureException {
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        if (!AGREEMENT.checkOrigin(servletRequest.getHeader("Origin"))) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        // From the servlet request: Spring's HttpHeaders changed shape between Spring 6 and 7.
        List<String> offered = Collections.list(servletRequest.getHeaders(AgreedSubprotocolRequest.SEC_WEBSOCKET_PROTOCOL))
                .stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String agreed = AGREEMENT.getNegotiatedSubprotocol(AgreedHandler.subprotocolsOf(wsHandler), offered);
        ServerEndpointConfig admission = ServerEndpointConfig.Builder.create(Object.class, "/").build();
        AGREEMENT.modifyHandshake(admission, new ServletHandshakeRequest(servletRequest), null);
        HttpServletRequest narrowed = new AgreedSubprotocolRequest(servletRequest, agreed);
        return delegate.doHandshake(new ServletServerHttpRequest(narrowed), response,
                new AgreedHandler(wsHandler, agreed, admission), attributes);
    }

    @Override
    public void setServletContext(ServletContext servletContext) {
        if (delegate instanceof ServletContextAware aware) {
            aware.setServletContext(servletContext);
        }
    }

    @Override
    public void start() {
        if (delegate instanceof Lifecycle lifecycle) {
            lifecycle.start();
        }
    }

    @Override
    public void stop() {
        if (delegate instanceof Lifecycle lifecycle) {
            lifecycle.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return !(delegate instanceof Lifecycle lifecycle) || lifecycle.isRunning();
    }
}
