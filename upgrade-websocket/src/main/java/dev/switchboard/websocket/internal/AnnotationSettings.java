package dev.switchboard.websocket.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.EndpointPolicy;
import dev.switchboard.websocket.HandshakeAuthorizer;
import dev.switchboard.websocket.WebSocketPolicy;

/**
 * A {@link WebSocketPolicy} as {@link Settings} with the web.xml option names, so that the
 * annotation is read by the same code as web.xml ({@link EndpointPolicy.Builder#apply}).
 */
public final class AnnotationSettings {

    private AnnotationSettings() {
    }

    /** The attributes that are set, under their option names, without prefix. */
    public static Settings of(WebSocketPolicy a) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, EndpointPolicy.ORIGINS, String.join(", ", a.origins()));
        put(m, EndpointPolicy.REQUIRE_ORIGIN, a.requireOrigin());
        put(m, EndpointPolicy.SUBPROTOCOL_SELECTION, a.subprotocolSelection());
        put(m, EndpointPolicy.SUBPROTOCOL_REQUIRED, a.subprotocolRequired());
        put(m, EndpointPolicy.EXTENSIONS, String.join(", ", a.extensions()));
        put(m, EndpointPolicy.PERMESSAGE_DEFLATE, a.permessageDeflate());
        put(m, EndpointPolicy.SERVER_NO_CONTEXT_TAKEOVER, a.serverNoContextTakeover());
        put(m, EndpointPolicy.CLIENT_NO_CONTEXT_TAKEOVER, a.clientNoContextTakeover());
        put(m, EndpointPolicy.CLIENT_MAX_WINDOW_BITS, a.clientMaxWindowBits());
        if (a.authorizer() != HandshakeAuthorizer.class) {
            put(m, EndpointPolicy.AUTH, a.authorizer().getName());
        }
        put(m, EndpointPolicy.ROLES, String.join(", ", a.roles()));
        put(m, EndpointPolicy.AUTH_CHALLENGE, a.authChallenge());
        put(m, EndpointPolicy.MAX_SESSIONS, a.maxSessions());
        put(m, EndpointPolicy.IDLE_TIMEOUT, a.idleTimeout());
        put(m, EndpointPolicy.MAX_MESSAGE_SIZE, a.maxMessageSize());
        return Settings.of(m);
    }

    private static void put(Map<String, String> m, String name, String value) {
        if (!value.isBlank()) {
            m.put(name, value);
        }
    }
}
