package dev.switchboard.servlet;

import static dev.switchboard.options.OptionTypes.KIB;
import static dev.switchboard.options.OptionTypes.MIB;

import java.util.List;

import dev.switchboard.http.AddressSet;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedFields;
import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;
import dev.switchboard.http.WireFormatException;
import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionType;
import dev.switchboard.options.OptionTypes;

/**
 * The options of {@link UpgradeOptions} and of {@link SwitchboardInitializer}, read from
 * context params and the filter's init-params; the README's first configuration table is
 * generated from {@link #GROUP}.
 */
public final class UpgradeDeclarations {

    /** Comma-separated protocol tokens such as {@code echo/1, websocket}. */
    public static final OptionType<List<ProtocolToken>> PROTOCOL_TOKENS = OptionTypes.list(OptionTypes.text(
            UpgradeDeclarations::token, ProtocolToken::toString, List.of("echo/1", "websocket", "TLS/1.3"),
            List.of("/1", "echo/1 x", "a b")));

    public static final Option<Boolean> ENABLED = Option.bool(UpgradeOptions.ENABLED, true,
            "Whether the initializer adds Switchboard's filter.");
    public static final Option<List<String>> URL_PATTERNS = Option.of(UpgradeOptions.URL_PATTERNS,
            OptionTypes.textList(), List.of("/*"), "URL patterns whose upgrade requests Switchboard negotiates (its TLS policy and tunnel see every request).");
    public static final Option<List<String>> PROTOCOLS = Option.of(UpgradeOptions.PROTOCOLS, OptionTypes.textList(),
            null, "Names of the protocol providers to enable, comma-separated (`echo`, ...).")
            .shownAs("those enabled by default");
    public static final Option<InvalidFieldPolicy> INVALID_UPGRADE = Option.enumeration(UpgradeOptions.INVALID_UPGRADE,
            InvalidFieldPolicy.REJECT, "`reject`: a malformed `Upgrade` gets 400 with a one-line reason. "
                    + "`ignore`: served as if the field were absent.");
    public static final Option<List<ProtocolToken>> SERVER_PREFERENCE = Option.of(UpgradeOptions.SERVER_PREFERENCE,
            PROTOCOL_TOKENS, List.of(), "Tokens in the server's order of preference; offers the client made are "
                    + "then tried in this order first.").shownAs("(client's order)");
    public static final Option<List<ProtocolToken>> ADVERTISE = Option.of(UpgradeOptions.ADVERTISE, PROTOCOL_TOKENS,
            List.of(), "Tokens advertised with `Upgrade` and `Connection: upgrade` on HTTP/1.1 responses that do "
                    + "not switch.").shownAs("(none)");
    public static final Option<Integer> MAX_UPGRADE_FIELD_LENGTH = Option.integer(
            UpgradeOptions.MAX_UPGRADE_FIELD_LENGTH, NegotiationLimits.DEFAULT.maxFieldLength(), 16, 65536,
            "Combined length of the `Upgrade` lines, in characters; beyond it, 431.");
    public static final Option<Integer> MAX_UPGRADE_PROTOCOLS = Option.integer(UpgradeOptions.MAX_UPGRADE_PROTOCOLS,
            NegotiationLimits.DEFAULT.maxProtocols(), 1, 256, "Protocols one request may offer; beyond it, 431.");
    public static final Option<Integer> MAX_CONTENT_LENGTH = Option.size(UpgradeOptions.MAX_CONTENT_LENGTH, 64 * KIB,
            0, 64 * MIB, "Content an upgrade request may carry (read whole before the switch); beyond it, 413.");
    public static final Option<TransportChoice> TRANSPORT = Option.enumeration(UpgradeOptions.TRANSPORT,
            TransportChoice.AUTO, "Context param: what carries upgraded connections. `auto`: the container's own "
                    + "transport where the container and connector allow it (Jetty with upgrade-jetty; Tomcat with "
                    + "upgrade-tomcat: `tomcat-loop`, Switchboard's own selector loop, on cleartext NIO connectors, "
                    + "and `tomcat`, Tomcat's poller, on the others), else the Servlet API's streams. `servlet`: the Servlet streams everywhere. `container`: the container's "
                    + "own, and where it has none the Servlet one, with a warning. Each context logs which at start.");
    public static final Option<Boolean> OWN_LOOP = Option.bool(UpgradeOptions.OWN_LOOP, true,
            "Context param: where the container's own transport can take a connection off the container's threads "
                    + "onto an event loop of Switchboard's own (Tomcat's cleartext NIO connectors: the `tomcat-loop` "
                    + "transport, on the `switchboard.loopThreads` threads), whether it does. `false` keeps every "
                    + "connection on the container's threads (Tomcat: the `tomcat` transport).");
    public static final Option<Integer> LOOP_THREADS = Option.integer(UpgradeOptions.LOOP_THREADS, 0, 0, 256,
            "Context param: how many event-loop threads of Switchboard's own an application's connections are spread "
                    + "over, each in turn as it switches (`switchboard-tomcat-loop-1 /app`, `-2`, ...: the "
                    + "`tomcat-loop` transport, and a tunnel's backends beside their clients). `0`: one per processor "
                    + "the JVM sees. One thread serves its connections' events one after the other; more threads "
                    + "serve busy connections side by side. Each thread starts with its first connection and stays "
                    + "until the application stops.");
    public static final Option<Boolean> JMX = Option.bool(UpgradeOptions.JMX, true,
            "Register the counters as MBeans (`dev.switchboard:type=UpgradeFilter,...` and `type=UpgradeProtocol,...`).");
    public static final Option<AllowedHosts> ALLOWED_HOSTS = Option.of(UpgradeOptions.ALLOWED_HOSTS,
            OptionTypes.textList(AllowedHosts::of, List.of("example.com, *.example.com:8443", "127.0.0.1, [::1]", "*"),
                    List.of("example.com, a b", "example.com:99999", "example.com/x"))
                    .map(AllowedHosts::of, hosts -> List.of(hosts.toString().split(", "))),
            AllowedHosts.ANY, "The `Host` values whose upgrade requests are served, comma-separated: `example.com` "
                    + "(any port), `example.com:8443`, `*.example.com` (names below it), `127.0.0.1`, `[::1]`; `*` for "
                    + "any. Other upgrade requests get `421` with `Connection: close` before any protocol sees them "
                    + "(WS-15). Set it on every server that has same-origin WebSockets: see "
                    + "[Allowed hosts and DNS rebinding](#allowed-hosts-and-dns-rebinding).").shownAs("(any host)");

    public static final Option<AddressSet> TRUSTED_PROXIES = Option.of(UpgradeOptions.TRUSTED_PROXIES,
            OptionTypes.textList(UpgradeDeclarations::addresses, List.of("10.0.0.0/8", "192.0.2.7, 2001:db8::/32",
                    "::1, fe80::1%eth0"), List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x"))
                    .map(UpgradeDeclarations::addresses,
                            set -> set.blocks().stream().map(Object::toString).toList()),
            AddressSet.none(), "Addresses and CIDR blocks of the proxies in front of this server, comma-separated: "
                    + "`10.0.0.0/8, ::1`. Their `Forwarded` or `X-Forwarded-For`, `-Proto`, `-Host`, `-Port` (see "
                    + "`switchboard.trustedProxyFields`) name the client, walked back over every trusted hop, for the TLS policy (TLS-09), the "
                    + "WebSocket origin check (WS-11) and the tunnel's forwarding fields (PRX-07) alike; from anyone "
                    + "else they are ignored, and a malformed one from a trusted proxy gets `400`. See "
                    + "[Trusted proxies](#trusted-proxies).").shownAs("(none)");

    public static final Option<ForwardedFields> TRUSTED_PROXY_FIELDS = Option.enumeration(
            UpgradeOptions.TRUSTED_PROXY_FIELDS, ForwardedFields.EITHER, "Which forwarding fields the trusted proxies "
                    + "set: `forwarded` (RFC 7239 `Forwarded` only), `x-forwarded` (`X-Forwarded-For`, `-Proto`, "
                    + "`-Host`, `-Port` only) or `either` (whichever one family a request carries; a request from a "
                    + "trusted proxy with both gets `400`, since a proxy passes the family it does not set through "
                    + "from the client unchanged). Name the family your proxies set: nginx, Apache httpd and most "
                    + "load balancers set `x-forwarded`. See [Trusted proxies](#trusted-proxies).");

    /** The options in the README's order, with the shared handler limits among them. */
    public static final OptionGroup GROUP = OptionGroup.builder("upgrade", "switchboard.")
            .add(ENABLED, URL_PATTERNS, PROTOCOLS, INVALID_UPGRADE, SERVER_PREFERENCE, ADVERTISE,
                    MAX_UPGRADE_FIELD_LENGTH, MAX_UPGRADE_PROTOCOLS, MAX_CONTENT_LENGTH)
            .add(HandlerDeclarations.GROUP.options().toArray(new Option<?>[0]))
            .note("`switchboard.<protocol>.idleTimeout` (and the other handler options above)", "the shared value",
                    "The same limits for one protocol's handlers, where the protocol reads them.")
            .add(TRANSPORT, OWN_LOOP, LOOP_THREADS, JMX, ALLOWED_HOSTS, TRUSTED_PROXIES, TRUSTED_PROXY_FIELDS)
            .build();

    private UpgradeDeclarations() {
    }

    /** The set of {@code items}, or an error saying what the option takes. */
    private static AddressSet addresses(List<String> items) {
        try {
            return AddressSet.parse(items);
        } catch (WireFormatException e) {
            throw InvalidOptionException.expected("IP addresses or CIDR blocks such as 10.0.0.0/8, ::1 ("
                    + e.getMessage() + ")", String.join(", ", items));
        }
    }

    /**
     * The limits on a request's {@code Upgrade} field in {@code settings}, which every stage of
     * the front door reads the field under.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static NegotiationLimits limits(Settings settings) {
        return new NegotiationLimits(MAX_UPGRADE_FIELD_LENGTH.get(settings), MAX_UPGRADE_PROTOCOLS.get(settings));
    }

    private static ProtocolToken token(String text) {
        try {
            return ProtocolToken.parse(text);
        } catch (FieldSyntaxException e) {
            throw InvalidOptionException.expected("protocol tokens such as echo/1", text);
        }
    }
}
