package dev.switchboard.tls;

import static dev.switchboard.options.OptionTypes.KIB;
import static dev.switchboard.options.OptionTypes.MIB;

import java.time.Duration;
import java.util.List;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionType;
import dev.switchboard.options.OptionTypes;
import dev.switchboard.servlet.HandlerDeclarations;

/** The options of {@link TlsUpgradeOptions}: RFC 2817's key material, versions, forms and limits. */
public final class TlsUpgradeDeclarations {

    /** Comma-separated TLS upgrade tokens, such as {@code TLS/1.2, TLS}. */
    static final OptionType<List<ProtocolToken>> TLS_TOKENS = tlsTokens(false, "TLS/1.2");
    /** Comma-separated TLS upgrade tokens with versions, such as {@code TLS/1.3, TLS/1.2}. */
    static final OptionType<List<ProtocolToken>> VERSIONED_TLS_TOKENS = tlsTokens(true, "TLS/1.3");

    public static final Option<String> KEYSTORE = Option.text(TlsUpgradeOptions.KEYSTORE,
            "key store file; naming it turns RFC 2817 on");
    public static final Option<String> KEYSTORE_PASSWORD = Option.of(TlsUpgradeOptions.KEYSTORE_PASSWORD,
            OptionTypes.text(), "", "key store password").shownAs("empty");
    public static final Option<String> KEYSTORE_TYPE = Option.of(TlsUpgradeOptions.KEYSTORE_TYPE, OptionTypes.text(),
            "PKCS12", "key store type");
    public static final Option<String> KEY_ALIAS = Option.text(TlsUpgradeOptions.KEY_ALIAS, "alias of the one key "
            + "to present; by default the key whose certificate (`SAN` `dNSName`, else `CN`) is for the upgraded "
            + "request's `Host`, so that clients need no SNI (an SNI name that disagrees ends the handshake), else the "
            + "store's first key (TLS-13)").shownAs("by host");
    public static final Option<String> KEY_PASSWORD = Option.text(TlsUpgradeOptions.KEY_PASSWORD,
            "password of the key").shownAs("the store's");
    public static final Option<Duration> KEYSTORE_RELOAD_INTERVAL = Option.duration(
            TlsUpgradeOptions.KEYSTORE_RELOAD_INTERVAL, Duration.ofSeconds(30),
            "how often a new handshake may check the file for changes; `0` never");
    public static final Option<String> MIN_VERSION = Option.of(TlsUpgradeOptions.MIN_VERSION, OptionTypes.text(
            TlsVersions::requireMinimum, v -> v, List.of("TLSv1.2", "TLSv1.3", "tlsv1.3"), List.of("TLSv1.1", "1.3")),
            TlsSpec.TLS_V1_2, "lowest TLS version negotiated, whatever the token: `TLSv1.2` or `TLSv1.3`");
    public static final Option<List<String>> CIPHER_SUITES = Option.textList(TlsUpgradeOptions.CIPHER_SUITES,
            "cipher suites to enable, JSSE names; an unknown one fails the deployment").shownAs("the JDK's");
    public static final Option<Duration> HANDSHAKE_TIMEOUT = Option.of(TlsUpgradeOptions.HANDSHAKE_TIMEOUT,
            OptionTypes.positiveDuration(), Duration.ofSeconds(10), "time from the 101 to the end of the handshake");
    public static final Option<Integer> MAX_CONNECTIONS = Option.integer(TlsUpgradeOptions.MAX_CONNECTIONS, 1000, 1,
            1_000_000, "RFC 2817 connections open at a time; more get 503");
    public static final Option<Integer> MAX_CONNECTIONS_PER_CLIENT = Option.integer(
            TlsUpgradeOptions.MAX_CONNECTIONS_PER_CLIENT, 32, 1, 1_000_000, "RFC 2817 connections one client address "
                    + "may hold at a time, from its 101 to its close; more get 429");
    public static final Option<Integer> MAX_REQUEST_HEAD_SIZE = Option.size(TlsUpgradeOptions.MAX_REQUEST_HEAD_SIZE,
            16 * KIB, KIB, MIB, "largest request head over an upgraded connection; larger gets 431");
    public static final Option<List<ProtocolToken>> TOKENS = Option.of(TlsUpgradeOptions.TOKENS, TLS_TOKENS,
            List.of(TlsSpec.TLS_1_0, TlsSpec.TLS_1_1, TlsSpec.TLS_1_2, TlsSpec.TLS_1_3),
            "upgrade tokens the protocol answers to");
    public static final Option<List<String>> OPTIONAL_UPGRADE = Option.of(TlsUpgradeOptions.OPTIONAL_UPGRADE,
            TlsPolicyDeclarations.URL_PATTERNS, List.of(), "URL patterns whose `GET`, `HEAD` and `OPTIONS` may upgrade "
                    + "in place with a real request (RFC 2817's optional form); none: only `OPTIONS *` upgrades. Read "
                    + "the Opossum section first; refused on Tomcat while a TLS connector shares the key or a name");
    public static final Option<Boolean> REFUSE_HTTP2_OFFERS = Option.bool(TlsUpgradeOptions.REFUSE_HTTP2_OFFERS, true,
            "refuse a handshake whose ClientHello offers `h2` in ALPN (a client that meant to reach an https port)");
    public static final Option<Duration> IDLE_TIMEOUT = HandlerDeclarations.IDLE_TIMEOUT.inheritedAs(
            "switchboard.tls.idleTimeout", "RFC 2817 connections that wait this long for the client (in the middle "
                    + "of a request, or for it to read) are closed; `0` disables");
    public static final Option<Duration> FIRST_BYTE_TIMEOUT = HandlerDeclarations.FIRST_BYTE_TIMEOUT.inheritedAs(
            "switchboard.tls.firstByteTimeout", "RFC 2817 connections whose client sends nothing this long after the "
                    + "101 are closed");
    public static final Option<Integer> READ_BUFFER_SIZE = HandlerDeclarations.READ_BUFFER_SIZE.inheritedAs(
            "switchboard.tls.readBufferSize", "bytes read from an RFC 2817 connection at a time");
    public static final Option<Integer> MAX_PENDING_OUTPUT = HandlerDeclarations.MAX_PENDING_OUTPUT.inheritedAs(
            "switchboard.tls.maxPendingOutput", "output queued for a slow client, and input for a busy container, "
                    + "before the other side is paused");

    public static final OptionGroup GROUP = OptionGroup.builder("tls-upgrade", "switchboard.tls.")
            .add(KEYSTORE, KEYSTORE_PASSWORD, KEYSTORE_TYPE, KEY_ALIAS, KEY_PASSWORD, KEYSTORE_RELOAD_INTERVAL,
                    MIN_VERSION, CIPHER_SUITES, HANDSHAKE_TIMEOUT, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT,
                    MAX_REQUEST_HEAD_SIZE, TOKENS, OPTIONAL_UPGRADE, REFUSE_HTTP2_OFFERS, IDLE_TIMEOUT,
                    FIRST_BYTE_TIMEOUT, READ_BUFFER_SIZE, MAX_PENDING_OUTPUT)
            .build();

    private TlsUpgradeDeclarations() {
    }

    private static OptionType<List<ProtocolToken>> tlsTokens(boolean versioned, String example) {
        return OptionTypes.textList(items -> tlsTokens(items, versioned, example), List.of(example, "TLS/1.3, TLS/1.2"),
                versioned ? List.of("TLS/1.2, h2c", "TLS/1.2 x", "TLS") : List.of("TLS/1.2, h2c", "TLS/1.2 x"))
                .map(items -> items.stream().map(ProtocolToken::parse).toList(),
                        tokens -> tokens.stream().map(ProtocolToken::toString).toList());
    }

    /** At least one item, each a token named {@code TLS} (with a version if {@code versioned}). */
    private static List<String> tlsTokens(List<String> items, boolean versioned, String example) {
        if (items.isEmpty()) {
            throw InvalidOptionException.expected("at least one TLS token such as " + example, "");
        }
        for (String item : items) {
            try {
                ProtocolToken token = ProtocolToken.parse(item);
                if (token.hasName(TlsSpec.TLS_PROTOCOL_NAME) && (token.hasVersion() || !versioned)) {
                    continue;
                }
            } catch (FieldSyntaxException e) {
                // reported below
            }
            throw InvalidOptionException.expected("TLS tokens such as " + example, item);
        }
        return items;
    }
}
