package dev.switchboard.websocket;

import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocolProvider;
import dev.switchboard.websocket.internal.ContainerMessageBuffers;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Provides {@link WebSocketProtocol} under the name {@code websocket}, enabled by default: with
 * this jar in {@code WEB-INF/lib}, every WebSocket handshake of the application is validated
 * and its endpoint's policy applied. Options come from {@code switchboard.websocket.*}
 * parameters ({@link WebSocketOptions}). Creating the protocol also makes the application-wide
 * {@code maxMessageSize} the container's default message buffer size for every session of the
 * application ({@link ContainerMessageBuffers}).
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
            WebSocketOptions options = WebSocketOptions.from(settings);
            ContainerMessageBuffers.apply(context, options.defaultPolicy().limits().maxMessageSize());
            return new WebSocketProtocol(context, options);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }
}
