package dev.switchboard.websocket;

import java.util.Map;
import java.util.Objects;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.websocket.handshake.HandshakeException;

/**
 * A {@link HandshakeAuthorizer}'s verdict: allow the handshake, or refuse it before the switch
 * with 401 (no or bad credentials; carries the {@code WWW-Authenticate} challenge that RFC 9110
 * section 11.6.1 requires) or 403 (known, but not allowed).
 */
public sealed interface Authorization permits Authorization.Allow, Authorization.Refuse {

    /** Go on with the handshake. */
    static Authorization allow() {
        return Allow.INSTANCE;
    }

    /**
     * Refuse with {@code 401 Unauthorized}.
     *
     * @param challenge the {@code WWW-Authenticate} value, such as {@code Bearer realm="chat"}
     * @param reason a one-line reason for the body
     */
    static Authorization unauthorized(String challenge, String reason) {
        Objects.requireNonNull(challenge, "challenge");
        return new Refuse(new HandshakeException(HttpSpec.SC_UNAUTHORIZED, "unauthorized", reason,
                Map.of(HttpSpec.WWW_AUTHENTICATE, challenge)));
    }

    /** Refuse with {@code 403 Forbidden} and a one-line reason. */
    static Authorization forbidden(String reason) {
        return new Refuse(new HandshakeException(HttpSpec.SC_FORBIDDEN, "forbidden", reason));
    }

    /** See {@link Authorization#allow()}. */
    final class Allow implements Authorization {
        private static final Allow INSTANCE = new Allow();

        private Allow() {
        }
    }

    /**
     * See {@link Authorization#unauthorized} and {@link Authorization#forbidden}.
     *
     * @param error the status, reason and fields of the refusal
     */
    record Refuse(HandshakeException error) implements Authorization {
        public Refuse {
            Objects.requireNonNull(error, "error");
        }
    }
}
