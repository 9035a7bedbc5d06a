package dev.switchboard.websocket;

import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocolProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Provides {@link WebSocketProtocol} under the name {@code websocket}, enabled by default: with
 * this jar in {@code WEB-INF/lib}, every WebSocket handshake of the application is validated
 * and its endpoint's policy applied. Options come from {@code switchboard.websocket.*}
 * parameters ({@link WebSocketOptions}).
 */
public final class WebSocketProtocolProvider implements UpgradeProtocolProvider {

    /** The provider name, for {@code switchboard.protocols}. */
    public static final String NAME = "websocket";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabledByDefault() {
        return true;
    }

    @Override
    public UpgradeProtocol create(ServletContext context, Settings settings) throws ServletException {
        try {
            return new WebSocketProtocol(context, WebSocketOptions.from(settings));
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }
}
