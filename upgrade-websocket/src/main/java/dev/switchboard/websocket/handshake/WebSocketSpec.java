package dev.switchboard.websocket.handshake;

import dev.switchboard.http.HttpSpec;

/**
 * The constants of the WebSocket opening handshake and of permessage-deflate, each with the
 * section of the specification that defines it. Field names are written in their registered
 * spelling; compare them case-insensitively (RFC 9110 section 5.1).
 */
public final class WebSocketSpec {

    private WebSocketSpec() {
    }

    // ---------------------------------------------------------------- field names

    /** The client's nonce, base64 of 16 random bytes (RFC 6455 section 11.3.1). */
    public static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";

    /** The server's proof that it read the key (RFC 6455 section 11.3.3). */
    public static final String SEC_WEBSOCKET_ACCEPT = "Sec-WebSocket-Accept";

    /** The protocol version the client speaks; the server's supported versions with a 426 (RFC 6455 section 11.3.5). */
    public static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";

    /** Subprotocols offered by the client, or the one the server chose (RFC 6455 section 11.3.4). */
    public static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    /** Extensions offered by the client, or those the server accepted (RFC 6455 section 11.3.2). */
    public static final String SEC_WEBSOCKET_EXTENSIONS = "Sec-WebSocket-Extensions";

    /** The origin of the script that opens the connection (RFC 6455 section 4.1 item 8; RFC 6454 section 7). */
    public static final String ORIGIN = HttpSpec.ORIGIN;

    // ---------------------------------------------------------------- tokens and values

    /** The {@code Upgrade} token of the WebSocket protocol (RFC 6455 section 4.1 item 5). */
    public static final String UPGRADE_TOKEN = "websocket";

    /** The only protocol version this server speaks (RFC 6455 section 4.1 item 9). */
    public static final String VERSION_13 = "13";

    /** Appended to the key before hashing it into {@code Sec-WebSocket-Accept} (RFC 6455 section 1.3). */
    public static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** Length in bytes of the decoded {@code Sec-WebSocket-Key} (RFC 6455 section 4.1 item 7). */
    public static final int KEY_BYTES = 16;

    /** The serialization of an opaque origin, such as a sandboxed page's (RFC 6454 section 6.2). */
    public static final String NULL_ORIGIN = HttpSpec.NULL_ORIGIN;

    /** The method of every opening handshake (RFC 6455 section 4.1 item 2). */
    public static final String METHOD_GET = "GET";

    // ---------------------------------------------------------------- permessage-deflate (RFC 7692)

    /** The extension name of per-message compression with DEFLATE (RFC 7692 section 7). */
    public static final String PERMESSAGE_DEFLATE = "permessage-deflate";

    /** The server will reset its compression context after each message (RFC 7692 section 7.1.1.1). */
    public static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";

    /** The client will reset its compression context after each message (RFC 7692 section 7.1.1.2). */
    public static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";

    /** Limits the server's LZ77 window to 2^n bytes (RFC 7692 section 7.1.2.1). */
    public static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";

    /** Limits, or offers to limit, the client's LZ77 window to 2^n bytes (RFC 7692 section 7.1.2.2). */
    public static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** Smallest window size a window-bits parameter may name (RFC 7692 section 7.1.2). */
    public static final int MIN_WINDOW_BITS = 8;

    /** Largest window size a window-bits parameter may name, and the only one Java's Deflater uses (RFC 7692 section 7.1.2). */
    public static final int MAX_WINDOW_BITS = 15;

    // ---------------------------------------------------------------- close codes (RFC 6455 section 7.4.1)

    /** The endpoint is going away: server shutdown, application stop, or idle timeout. */
    public static final int CLOSE_GOING_AWAY = 1001;

    /** A message violated the endpoint's policy. */
    public static final int CLOSE_POLICY_VIOLATION = 1008;

    /** A message is too big to process. */
    public static final int CLOSE_TOO_BIG = 1009;

    /** The server is overloaded; try again later (IANA WebSocket close code registry). */
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
}
