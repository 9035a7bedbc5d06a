package dev.switchboard.proxy;

import static dev.switchboard.options.OptionTypes.KIB;
import static dev.switchboard.options.OptionTypes.MIB;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionType;
import dev.switchboard.options.OptionTypes;
import dev.switchboard.servlet.HandlerDeclarations;
import dev.switchboard.servlet.UpgradeDeclarations;

/**
 * The options of {@link TunnelOptions}. The per-route ones ({@link #ROUTES}, {@link #ORIGINS})
 * hold {@code prefix -> value} entries separated by commas or line breaks.
 */
public final class TunnelDeclarations {

    private static final String ENTRY_SEPARATORS = ",\r\n";

    public static final Option<List<Route>> ROUTES = Option.of(TunnelOptions.ROUTES, OptionTypes.list(
            entry("routes such as /tunnel/ -> http://10.0.0.5:8080/ws/", Route::of, Route::toString,
                    List.of("/tunnel/ -> http://10.0.0.5:8080/ws/", "/feed -> https://feed.internal"),
                    List.of("/chat/ http://b", "chat/ -> http://b", "/chat/ -> ftp://b")), ENTRY_SEPARATORS),
            List.of(), "`prefix -> URL` pairs, separated by commas or line breaks; `http://` or `https://` backends; "
                    + "a backend path replaces the prefix").shownAs("none (tunnel off)");
    public static final Option<ConnectPolicy> CONNECT = Option.of(TunnelOptions.CONNECT, OptionTypes.list(
            OptionTypes.text(TunnelDeclarations::target, List.of("db.internal:5432", "[::1]:8443"),
                    List.of("db.internal", "db.internal:99999")))
            .map(ConnectPolicy::allow, ConnectPolicy::targets), ConnectPolicy.none(),
            "`host:port` pairs that CONNECT may reach; everything else gets 403").shownAs("none");
    public static final Option<List<Map.Entry<String, AllowedOrigins>>> ORIGINS = Option.of(TunnelOptions.ORIGINS,
            OptionTypes.list(entry("entries such as /chat/ -> same-origin https://app.example.com",
                    (prefix, origins) -> Map.entry(prefix, AllowedOrigins.parse(origins)),
                    e -> e.getKey() + " -> " + e.getValue(), List.of("/chat/ -> same-origin https://app.example.com"),
                    List.of("/chat/ same-origin", "/chat/ -> app.example.com")), ENTRY_SEPARATORS),
            List.of(), "`prefix -> origins` entries, separated by commas or line breaks: the origins that may open a "
                    + "WebSocket through that route, separated by spaces (`same-origin`, `https://app.example.com`, "
                    + "`https://*.example.com`, `null`, `*`); others get 403").shownAs("`same-origin` for every route");
    public static final Option<Duration> CONNECT_TIMEOUT = Option.of(TunnelOptions.CONNECT_TIMEOUT,
            OptionTypes.positiveDuration(), Duration.ofSeconds(5),
            "time to open the TCP connection to the backend before 504");
    public static final Option<Duration> RESPONSE_TIMEOUT = Option.of(TunnelOptions.RESPONSE_TIMEOUT,
            OptionTypes.positiveDuration(), Duration.ofSeconds(30), "one deadline, from the moment the backend "
                    + "connection is made, for the TLS handshake, writing the request, the response head (past it, "
                    + "504) and the whole of a relayed answer other than 101 (past it, the answer is cut and the "
                    + "connection closed); not renewed by progress, so a request thread waits on the backend at most "
                    + "`connectTimeout` + `responseTimeout`");
    public static final Option<Duration> IDLE_TIMEOUT = HandlerDeclarations.IDLE_TIMEOUT.inheritedAs(
            "switchboard.proxy.idleTimeout",
            "a tunnel with no bytes either way for this long is closed at both ends; `0` disables");
    public static final Option<Integer> MAX_TUNNELS = Option.integer(TunnelOptions.MAX_TUNNELS, 1000, 1, 1_000_000,
            "open tunnels plus handshakes in progress; past it, 503");
    public static final Option<Integer> MAX_RESPONSE_HEAD_SIZE = Option.size(TunnelOptions.MAX_RESPONSE_HEAD_SIZE,
            8 * KIB, 256, MIB, "largest backend response head; past it, 502");
    public static final Option<Integer> READ_BUFFER_SIZE = HandlerDeclarations.READ_BUFFER_SIZE.inheritedAs(
            "switchboard.proxy.readBufferSize", "bytes read at a time, from either side");
    public static final Option<Integer> MAX_PENDING_OUTPUT = HandlerDeclarations.MAX_PENDING_OUTPUT.inheritedAs(
            "switchboard.proxy.maxPendingOutput",
            "bytes queued for a slow peer, each direction, before reading from the other side stops");
    public static final Option<Integer> MAX_CONTENT_LENGTH = UpgradeDeclarations.MAX_CONTENT_LENGTH.describedAs(
            "request content an upgrade request may carry (read whole, forwarded with its length); past it, 413");
    public static final Option<ForwardingFields> FORWARDING = Option.enumeration(TunnelOptions.FORWARDING,
            ForwardingFields.BOTH, "`none`, `forwarded` (RFC 7239 `Forwarded`), `x-forwarded` "
                    + "(`X-Forwarded-For/Proto/Host/Port`) or `both`; the client's fields of a family not written are "
                    + "dropped");
    public static final Option<String> VIA = Option.of(TunnelOptions.VIA, OptionTypes.text(), "switchboard",
            "the `received-by` name appended to `Via` (`Via: 1.1 switchboard`); `none` adds no `Via`");
    public static final Option<Boolean> PRESERVE_HOST = Option.bool(TunnelOptions.PRESERVE_HOST, false,
            "send the client's `Host` instead of the backend URL's authority");
    public static final Option<String> TRUST_STORE = Option.text(TunnelOptions.TRUST_STORE,
            "trust store file for `https://` backends").shownAs("JVM default");
    public static final Option<String> TRUST_STORE_PASSWORD = Option.text(TunnelOptions.TRUST_STORE_PASSWORD,
            "its password").shownAs("none");
    public static final Option<String> TRUST_STORE_TYPE = Option.of(TunnelOptions.TRUST_STORE_TYPE, OptionTypes.text(),
            "PKCS12", "its type");
    public static final Option<Boolean> JMX = UpgradeDeclarations.JMX.describedAs("register the counters as MBeans");

    public static final OptionGroup GROUP = OptionGroup.builder("tunnel", "switchboard.proxy.")
            .add(ROUTES, CONNECT, ORIGINS, CONNECT_TIMEOUT, RESPONSE_TIMEOUT, IDLE_TIMEOUT, MAX_TUNNELS,
                    MAX_RESPONSE_HEAD_SIZE, READ_BUFFER_SIZE, MAX_PENDING_OUTPUT, FORWARDING, VIA, PRESERVE_HOST,
                    TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE)
            .build();

    /** The options of {@code upgrade-servlet} that the tunnel reads too, described as the tunnel uses them. */
    public static final OptionGroup SHARED = OptionGroup.builder("tunnel-shared", "switchboard.")
            .add(MAX_CONTENT_LENGTH, JMX)
            .build();

    private TunnelDeclarations() {
    }

    /** One {@code prefix -> value} entry, read by {@code parser}; one without an arrow is refused as not {@code expected}. */
    private static <T> OptionType<T> entry(String expected, BiFunction<String, String, T> parser,
            Function<T, String> formatter, List<String> samples, List<String> counterSamples) {
        return OptionTypes.text(item -> {
            int arrow = item.indexOf("->");
            if (arrow < 0) {
                throw InvalidOptionException.expected(expected, item);
            }
            return parser.apply(item.substring(0, arrow).trim(), item.substring(arrow + 2).trim());
        }, formatter, samples, counterSamples);
    }

    private static String target(String item) {
        if (ConnectPolicy.Target.parse(item).isEmpty()) {
            throw InvalidOptionException.expected("host:port pairs such as db.internal:5432", item);
        }
        return item;
    }
}
