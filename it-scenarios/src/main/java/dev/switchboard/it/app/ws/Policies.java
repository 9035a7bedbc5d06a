package dev.switchboard.it.app.ws;

/**
 * The policy values the WebSocket test application gives its endpoints, in one place so that a
 * programmatic endpoint and its annotated twin are configured alike (annotation attributes
 * need constants).
 */
public final class Policies {

    private Policies() {
    }

    /** The application's own origin. */
    public static final String SAME_ORIGIN = "same-origin";
    /** An exact origin allowed besides the application's own. */
    public static final String ALLOWED_ORIGIN = "https://allowed.example";
    /** A pattern of origins allowed besides the application's own. */
    public static final String ALLOWED_PATTERN = "https://*.trusted.example";

    /** The subprotocol both echo endpoints prefer. */
    public static final String CHAT_V2 = "chat.v2";
    /** The subprotocol both echo endpoints accept second. */
    public static final String CHAT_V1 = "chat.v1";

    /** Big enough for the 1.5 MiB interoperation messages. */
    public static final String ECHO_MAX_MESSAGE = "4MiB";
    /** Echo endpoints' largest message, in bytes. */
    public static final int ECHO_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    /** Sessions the limited endpoints admit at once. */
    public static final String LIMITED_MAX_SESSIONS = "2";
    /** The limited endpoints' largest message: the smallest allowed limit. */
    public static final String LIMITED_MAX_MESSAGE = "1KiB";

    /** The challenge of the token-checking endpoints. */
    public static final String TOKEN_CHALLENGE = "Bearer realm=\"switchboard-test\"";
    /** The token the token-checking endpoints accept. */
    public static final String GOOD_TOKEN = "good";
}
