package dev.switchboard.websocket.handshake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handshake agreed on, to be written in the 101: at most one subprotocol, one the client
 * offered (WS-09), and the accepted extensions with their response parameters (WS-10).
 * Immutable.
 *
 * @param subprotocol the chosen subprotocol, or null for none
 * @param extensions the accepted extensions, in order; empty for none
 */
public record Agreement(String subprotocol, List<WebSocketExtension> extensions) {

    /** Nothing agreed: no subprotocol, no extension. */
    public static final Agreement NOTHING = new Agreement(null, List.of());

    public Agreement {
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
    }

    /** The subprotocol for {@code Sec-WebSocket-Protocol}, if one was agreed. */
    public Optional<String> chosenSubprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    /** The value for {@code Sec-WebSocket-Extensions}, if any extension was accepted. */
    public Optional<String> extensionsHeaderValue() {
        return extensions.isEmpty() ? Optional.empty() : Optional.of(WebSocketExtensions.of(extensions).toHeaderValue());
    }
}
