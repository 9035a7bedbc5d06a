package dev.switchboard.websocket;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether a handshake may proceed, after its origin was accepted and before the switch
 * (conformance WS-13). Runs on the request thread, before any endpoint code; it sees what the
 * container authenticated ({@code getUserPrincipal()}, {@code isUserInRole()}), the request's
 * fields, parameters and session, and the endpoint's path parameters.
 *
 * <pre>
 * HandshakeAuthorizer tokens = (request, path) -&gt;
 *     tokenService.valid(request.getParameter("token"))
 *         ? Authorization.allow()
 *         : Authorization.unauthorized("Bearer realm=\"chat\"", "A valid token is required");
 * </pre>
 *
 * <p>Implementations are shared by all handshakes and must be thread-safe. Named in web.xml or
 * in {@link WebSocketPolicy#authorizer()}, a class needs a public no-argument constructor.
 */
@FunctionalInterface
public interface HandshakeAuthorizer {

    /** Lets every handshake through. */
    HandshakeAuthorizer ALLOW_ALL = (request, pathParameters) -> Authorization.allow();

    /**
     * @param request the handshake request
     * @param pathParameters the values of the endpoint path's {@code {name}} segments
     * @return never null
     */
    Authorization authorize(HttpServletRequest request, Map<String, String> pathParameters);

    /**
     * Requires an authenticated user: 401 with {@code challenge} when the container reports
     * none, and, when {@code roles} is not empty, 403 unless the user has one of them.
     */
    static HandshakeAuthorizer authenticated(String challenge, List<String> roles) {
        List<String> anyOf = List.copyOf(roles);
        return new HandshakeAuthorizer() {
            @Override
            public Authorization authorize(HttpServletRequest request, Map<String, String> pathParameters) {
                if (request.getUserPrincipal() == null) {
                    return Authorization.unauthorized(challenge, "This WebSocket endpoint requires authentication");
                }
                if (anyOf.isEmpty()) {
                    return Authorization.allow();
                }
                for (String role : anyOf) {
                    if (request.isUserInRole(role)) {
                        return Authorization.allow();
                    }
                }
                return Authorization.forbidden("This WebSocket endpoint requires one of the roles " + anyOf);
            }

            @Override
            public String toString() {
                return "authenticated" + (anyOf.isEmpty() ? "" : " with a role in " + anyOf);
            }
        };
    }
}
