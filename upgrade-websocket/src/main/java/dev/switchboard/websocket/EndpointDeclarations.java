package dev.switchboard.websocket;

import static dev.switchboard.options.OptionTypes.KIB;
import static dev.switchboard.options.OptionTypes.MIB;

import java.time.Duration;
import java.util.List;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionTypes;
import dev.switchboard.websocket.handshake.ExtensionPolicy;
import dev.switchboard.websocket.handshake.OriginPolicy;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;

/**
 * The options of one WebSocket endpoint's {@link EndpointPolicy}, read under
 * {@code switchboard.websocket.} for every endpoint, under
 * {@code switchboard.websocket.endpoint.<name>.} for one, and by key from
 * {@link WebSocketPolicy}'s attributes of the same names.
 */
public final class EndpointDeclarations {

    private static final String PREFIX = WebSocketOptions.PREFIX;
    /** The value of {@link #EXTENSIONS} that allows no extension at all. */
    private static final String NO_EXTENSIONS = "none";

    public static final Option<List<String>> ORIGINS = Option.of(PREFIX + EndpointPolicy.ORIGINS,
            OptionTypes.textList(list -> OriginPolicy.builder().origins(list),
                    List.of("same-origin", "https://app.example.com, https://*.example.com", "null, *, same-origin"),
                    List.of("https://app.example.com/path", "ftp//x")),
            List.of(OriginPolicy.SAME_ORIGIN), "allowed origins: `same-origin`, `null`, `*`, exact origins, "
                    + "patterns such as `https://*.example.com` (a list replaces the default)");
    public static final Option<Boolean> REQUIRE_ORIGIN = Option.bool(PREFIX + EndpointPolicy.REQUIRE_ORIGIN, false,
            "refuse handshakes without `Origin` with `403`");
    public static final Option<List<String>> SUBPROTOCOLS = Option.of(PREFIX + EndpointPolicy.SUBPROTOCOLS,
            OptionTypes.textList(list -> SubprotocolPolicy.none().withSupported(list), List.of("chat.v2", "chat.v1"),
                    List.of("chat v2", "chat.v2, chat.v2")), List.of(),
            "supported subprotocols, most preferred first").shownAs("none (annotated: the annotation's)");
    public static final Option<SubprotocolPolicy.Selection> SUBPROTOCOL_SELECTION = Option.enumeration(
            PREFIX + EndpointPolicy.SUBPROTOCOL_SELECTION, SubprotocolPolicy.Selection.CLIENT_PREFERENCE,
            "`client-preference` or `server-preference`");
    public static final Option<Boolean> SUBPROTOCOL_REQUIRED = Option.bool(PREFIX + EndpointPolicy.SUBPROTOCOL_REQUIRED,
            false, "refuse handshakes that agree on no subprotocol with `400`");
    public static final Option<List<String>> EXTENSIONS = Option.of(PREFIX + EndpointPolicy.EXTENSIONS,
            OptionTypes.textList(EndpointDeclarations::allowedExtensions, List.of("permessage-deflate", "none", " permessage-deflate ,"),
                    List.of("x-webkit-deflate-frame", "none, permessage-deflate"))
                    .map(list -> list.equals(List.of(NO_EXTENSIONS)) ? List.<String>of() : list,
                            list -> list.isEmpty() ? List.of(NO_EXTENSIONS) : list),
            List.copyOf(ExtensionPolicy.DEFAULT.allowed()), "allowed extensions, or `none`");
    public static final Option<Boolean> PERMESSAGE_DEFLATE = Option.bool(PREFIX + EndpointPolicy.PERMESSAGE_DEFLATE,
            true, "accept permessage-deflate");
    public static final Option<Boolean> SERVER_NO_CONTEXT_TAKEOVER = Option.bool(
            PREFIX + EndpointPolicy.SERVER_NO_CONTEXT_TAKEOVER, false, "require `server_no_context_takeover`");
    public static final Option<Boolean> CLIENT_NO_CONTEXT_TAKEOVER = Option.bool(
            PREFIX + EndpointPolicy.CLIENT_NO_CONTEXT_TAKEOVER, false, "require `client_no_context_takeover`");
    public static final Option<Integer> CLIENT_MAX_WINDOW_BITS = Option.of(PREFIX + EndpointPolicy.CLIENT_MAX_WINDOW_BITS,
            OptionTypes.integer(8, 15), null,
            "8..15: the window asked of clients that offer `client_max_window_bits`").shownAs("not asked");
    public static final Option<HandshakeAuthorizer> AUTH = Option.of(PREFIX + EndpointPolicy.AUTH,
            AuthorizerType.INSTANCE, HandshakeAuthorizer.ALLOW_ALL, "`none`, `authenticated`, or the class name of a "
                    + "`HandshakeAuthorizer` (public no-argument constructor)");
    public static final Option<List<String>> ROLES = Option.textList(PREFIX + EndpointPolicy.ROLES,
            "roles, one of which the user must have (implies `authenticated`)").shownAs("none");
    public static final Option<String> AUTH_CHALLENGE = Option.of(PREFIX + EndpointPolicy.AUTH_CHALLENGE,
            OptionTypes.text(), EndpointPolicy.DEFAULT_CHALLENGE, "the `WWW-Authenticate` value sent with a `401`");
    public static final Option<Integer> MAX_SESSIONS = Option.integer(PREFIX + EndpointPolicy.MAX_SESSIONS,
            SessionLimits.DEFAULT.maxSessions(), 0, 10_000_000, "open sessions at once; `0` for no limit");
    public static final Option<Duration> IDLE_TIMEOUT = Option.duration(PREFIX + EndpointPolicy.IDLE_TIMEOUT,
            SessionLimits.DEFAULT.idleTimeout(), "close sessions without traffic for this long with `1001`; `0` for never");
    public static final Option<Integer> MAX_MESSAGE_SIZE = Option.size(PREFIX + EndpointPolicy.MAX_MESSAGE_SIZE,
            SessionLimits.DEFAULT.maxMessageSize(), KIB, 1024 * MIB,
            "largest whole text or binary message; beyond it `1009`; the application-wide value is also the "
                    + "container's default message buffer size, which Tomcat allocates per session (this many bytes "
                    + "and this many characters)");

    /** Every option, by key; the endpoint scope overrides the shared values, name by name. */
    public static final OptionGroup GROUP = OptionGroup.builder("websocket-endpoint", PREFIX)
            .add(ORIGINS, REQUIRE_ORIGIN, SUBPROTOCOLS, SUBPROTOCOL_SELECTION, SUBPROTOCOL_REQUIRED,
                    EXTENSIONS, PERMESSAGE_DEFLATE, SERVER_NO_CONTEXT_TAKEOVER, CLIENT_NO_CONTEXT_TAKEOVER,
                    CLIENT_MAX_WINDOW_BITS, AUTH, ROLES, AUTH_CHALLENGE, MAX_SESSIONS, IDLE_TIMEOUT, MAX_MESSAGE_SIZE)
            .scope(WebSocketOptions.ENDPOINT_PREFIX + "<name>.")
            .keysInTable()
            .build();

    private EndpointDeclarations() {
    }

    private static ExtensionPolicy allowedExtensions(List<String> names) {
        if (names.equals(List.of(NO_EXTENSIONS))) {
            return ExtensionPolicy.NONE;
        }
        return ExtensionPolicy.DEFAULT.withAllowed(names);
    }
}
