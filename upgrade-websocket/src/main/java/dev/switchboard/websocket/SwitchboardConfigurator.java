package dev.switchboard.websocket;

import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.Origin;
import dev.switchboard.websocket.handshake.Agreement;
import dev.switchboard.websocket.handshake.HandshakeException;
import dev.switchboard.websocket.handshake.WebSocketExtension;
import dev.switchboard.websocket.handshake.WebSocketSpec;
import dev.switchboard.websocket.internal.Handover;
import dev.switchboard.websocket.internal.JakartaExtensions;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Makes the container's handshake carry what Switchboard decided. Use it for annotated
 * endpoints ({@code @ServerEndpoint(configurator = SwitchboardConfigurator.class)}, with a
 * {@link WebSocketPolicy}); Switchboard uses it for the endpoints registered with
 * {@link WebSocketEndpoints}.
 *
 * <p>The {@code websocket} protocol validates every handshake and applies the endpoint's
 * policy before the container sees the request; this configurator then answers the container
 * with the result, so the 101 names exactly the subprotocol and extensions agreed, on every
 * container and whichever way the endpoint was registered:
 * <ul>
 *   <li>{@link #checkOrigin} accepts only a handshake that Switchboard validated; one that
 *       bypassed it (its filter removed, say) is refused by the container with 403;</li>
 *   <li>{@link #getNegotiatedSubprotocol} and {@link #getNegotiatedExtensions} return the
 *       agreement, ignoring the container's own reading of the fields;</li>
 *   <li>{@link #modifyHandshake} attaches the endpoint's session limits for
 *       {@link WebSocketSessions#admit}, then calls {@link #customizeHandshake}.</li>
 * </ul>
 *
 * <p>Subclasses may override {@link #getEndpointInstance} (for dependency injection) and
 * {@link #customizeHandshake}. Instances are shared by concurrent handshakes and hold no state.
 */
public class SwitchboardConfigurator extends ServerEndpointConfig.Configurator {

    private static final Logger LOG = Logger.getLogger(SwitchboardConfigurator.class.getName());

    /** The user-property key under which a session finds its endpoint's limits. */
    static final String SESSIONS_PROPERTY = "dev.switchboard.websocket.EndpointSessions";

    public SwitchboardConfigurator() {
    }

    @Override
    public final boolean checkOrigin(String originHeaderValue) {
        Handover h = Handover.current();
        if (h == null) {
            LOG.warning("Refusing a WebSocket handshake that did not pass Switchboard's websocket protocol: "
                    + "is the Switchboard filter mapped to this path?");
            return false;
        }
        return Objects.equals(h.handshake().origin(), parseOrigin(originHeaderValue));
    }

    @Override
    public final String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        Handover h = Handover.current();
        if (h == null) {
            return "";
        }
        if (h.agreement() != null) {
            return h.agreement().chosenSubprotocol().orElse("");
        }
        try {
            return h.policy().subprotocols().select(supported, h.handshake().subprotocols().offered()).orElse("");
        } catch (HandshakeException e) {
            return ""; // the endpoint was unknown when the protocol ran; the container's 101 names none
        }
    }

    @Override
    public final List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        Handover h = Handover.current();
        if (h == null) {
            return List.of();
        }
        Agreement agreement = h.agreement();
        List<WebSocketExtension> accepted = agreement != null ? agreement.extensions()
                : h.policy().extensions().negotiate(h.handshake().extensions());
        return JakartaExtensions.of(accepted);
    }

    @Override
    public final void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        Handover h = Handover.current();
        if (h != null) {
            List<String> keys = request.getHeaders().get(WebSocketSpec.SEC_WEBSOCKET_KEY);
            if (keys == null || !keys.contains(h.handshake().key().value())) {
                throw new IllegalStateException("The WebSocket handshake the container is completing is not the one "
                        + "Switchboard validated on this thread");
            }
            if (h.sessions() != null) {
                sec.getUserProperties().put(SESSIONS_PROPERTY, h.sessions());
            }
        }
        customizeHandshake(sec, request, response);
    }

    /**
     * Called at the end of {@link #modifyHandshake}, for subclasses that add response fields or
     * user properties. Does nothing by default.
     */
    protected void customizeHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
    }

    private static Origin parseOrigin(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Origin.parse(value.strip());
        } catch (FieldSyntaxException e) {
            LOG.log(Level.FINE, "Unreadable Origin at the configurator: {0}", e.reason());
            return Origin.opaque();
        }
    }
}
