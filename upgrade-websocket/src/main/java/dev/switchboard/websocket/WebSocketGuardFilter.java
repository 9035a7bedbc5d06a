package dev.switchboard.websocket;

import java.io.IOException;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.ServletRequestHead;
import dev.switchboard.websocket.handshake.HandshakeException;
import dev.switchboard.websocket.internal.Handover;
import dev.switchboard.websocket.internal.HandshakeGuard;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before {@code UpgradeFilter} on requests that carry {@code Upgrade} (others cost one
 * header look-up), for two jobs the protocol cannot do from inside the registry:
 * <ul>
 *   <li>A request that offers {@code websocket} but that generic upgrade handling serves as if
 *       it had no {@code Upgrade} field, because it is HTTP/1.0 or its {@code Connection} lacks
 *       the {@code upgrade} option, is a broken WebSocket handshake: it gets 400 with a
 *       one-line reason (RFC 6455 section 4.2.1, WS-01 and WS-04) instead of reaching the
 *       application.</li>
 *   <li>What the protocol decided for the container's handshake on this thread is forgotten
 *       when the request ends, whatever the container did with it.</li>
 * </ul>
 * {@code SwitchboardInitializer} adds it when the {@code websocket} protocol is enabled;
 * declared in web.xml instead, map it like {@code UpgradeFilter} and before it.
 */
public final class WebSocketGuardFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || request.getHeader(HttpSpec.UPGRADE) == null) {
            chain.doFilter(req, res);
            return;
        }
        try {
            HandshakeGuard.check(new ServletRequestHead(request));
        } catch (HandshakeException e) {
            Refusals.refuseUpgrade(response, e);
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            Handover.end();
        }
    }
}
