package dev.switchboard.websocket;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.websocket.handshake.HandshakeLimits;

/**
 * The options of the {@code websocket} protocol as a whole ({@link WebSocketOptions}); each
 * endpoint's are {@link EndpointDeclarations}.
 */
public final class WebSocketDeclarations {

    public static final Option<Integer> MAX_FIELD_LENGTH = Option.integer(WebSocketOptions.MAX_FIELD_LENGTH,
            HandshakeLimits.DEFAULT.maxFieldLength(), 64, 65536, "combined length in characters of each of "
                    + "`Sec-WebSocket-Protocol`, `Sec-WebSocket-Extensions` and `Origin`; beyond it `431`");
    public static final Option<Integer> MAX_OFFERS = Option.integer(WebSocketOptions.MAX_OFFERS,
            HandshakeLimits.DEFAULT.maxOffers(), 1, 1024,
            "subprotocols, and extension offers, one handshake may list; beyond it `431`");

    public static final OptionGroup GROUP = OptionGroup.builder("websocket", WebSocketOptions.PREFIX)
            .add(MAX_FIELD_LENGTH, MAX_OFFERS)
            .build();

    private WebSocketDeclarations() {
    }
}
