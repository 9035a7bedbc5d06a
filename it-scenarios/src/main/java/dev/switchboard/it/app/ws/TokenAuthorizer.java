package dev.switchboard.it.app.ws;

import java.util.Map;

import dev.switchboard.websocket.Authorization;
import dev.switchboard.websocket.HandshakeAuthorizer;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Admits handshakes whose {@code token} query parameter is {@value Policies#GOOD_TOKEN}: none
 * gets 401 with a Bearer challenge, any other 403.
 */
public class TokenAuthorizer implements HandshakeAuthorizer {

    @Override
    public Authorization authorize(HttpServletRequest request, Map<String, String> pathParameters) {
        String token = request.getParameter("token");
        if (token == null) {
            return Authorization.unauthorized(Policies.TOKEN_CHALLENGE, "A token is required");
        }
        if (!Policies.GOOD_TOKEN.equals(token)) {
            return Authorization.forbidden("This token may not open this endpoint");
        }
        return Authorization.allow();
    }
}
