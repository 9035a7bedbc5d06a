package dev.switchboard.demo.app.chat;

import java.util.Optional;

/**
 * The two versions of the demo's chat, as WebSocket subprotocols (RFC 6455 section 1.9). The
 * server prefers {@link #V2}; a client that offers only {@link #V1} still gets a chat.
 */
public enum ChatSubprotocol {

    /** {@code chat.v1}: one line of text per message, both ways ({@code "name: text"} from the server). */
    V1("chat.v1"),
    /** {@code chat.v2}: one JSON object per message, with a {@code type}; see {@link ChatCodec}. */
    V2("chat.v2");

    private final String token;

    ChatSubprotocol(String token) {
        this.token = token;
    }

    /** The subprotocol name on the wire. */
    public String token() {
        return token;
    }

    /** The version a negotiated subprotocol names; empty for none or an unknown one. */
    public static Optional<ChatSubprotocol> of(String negotiated) {
        for (ChatSubprotocol p : values()) {
            if (p.token.equals(negotiated)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
