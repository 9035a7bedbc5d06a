package dev.switchboard.it.app.ws;

import java.util.Map;

import dev.switchboard.websocket.Authorization;
import dev.switchboard.websocket.HandshakeAuthorizer;
import jakarta.servlet.http.HttpServletRequest;

/** Refuses the room named {@code secret} with 403: authorization by path parameter. */
public class RoomAuthorizer implements HandshakeAuthorizer {

    @Override
    public Authorization authorize(HttpServletRequest request, Map<String, String> pathParameters) {
        if ("secret".equals(pathParameters.get("room"))) {
            return Authorization.forbidden("Room secret is closed");
        }
        return Authorization.allow();
    }
}
