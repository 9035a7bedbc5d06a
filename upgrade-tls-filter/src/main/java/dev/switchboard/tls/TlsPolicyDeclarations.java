package dev.switchboard.tls;

import java.time.Duration;
import java.util.List;

import dev.switchboard.http.AddressSet;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.WireFormatException;
import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.OptionType;
import dev.switchboard.options.OptionTypes;
import dev.switchboard.tls.TlsPolicyOptions.Mode;
import dev.switchboard.tls.internal.UrlPatterns;

/** The options of {@link TlsPolicyOptions}: which requests need TLS, and what a cleartext one gets. */
public final class TlsPolicyDeclarations {

    /** Comma-separated servlet URL patterns, such as {@code /secure/*, *.jsp}. */
    static final OptionType<List<String>> URL_PATTERNS = OptionTypes.textList(UrlPatterns::of,
            List.of("/secure/*", "/secure/*, *.jsp, /exact, /"), List.of("secure/*", "/a*b"));
    /** Comma-separated addresses and CIDR blocks, such as {@code 10.0.0.0/8, ::1}. */
    static final OptionType<List<String>> ADDRESSES = OptionTypes.textList(TlsPolicyDeclarations::addresses,
            List.of("127.0.0.1", "10.0.0.0/8, ::1, 2001:db8::/32"), List.of("proxy.example.com", "10.0.0.0/33"));

    public static final Option<List<String>> PROTECT = Option.of(TlsPolicyOptions.PROTECT, URL_PATTERNS, List.of(),
            "URL patterns that require TLS");
    public static final Option<List<String>> EXEMPT = Option.of(TlsPolicyOptions.EXEMPT, URL_PATTERNS, List.of(),
            "URL patterns that never require TLS, even under a protected pattern (health checks)");
    public static final Option<List<String>> EXEMPT_ADDRESSES = Option.of(TlsPolicyOptions.EXEMPT_ADDRESSES, ADDRESSES,
            List.of(), "client addresses or CIDR blocks that never need TLS, such as `127.0.0.1, ::1` "
                    + "(after trusted-proxy resolution)");
    public static final Option<Boolean> CONFIDENTIAL_CONSTRAINTS = Option.bool(TlsPolicyOptions.CONFIDENTIAL_CONSTRAINTS,
            true, "enforce web.xml's `CONFIDENTIAL` / `INTEGRAL` guarantees with this policy (on Tomcat, instead of "
                    + "its 302); `false` leaves them to the container");
    public static final Option<Mode> MODE = Option.enumeration(TlsPolicyOptions.MODE, Mode.UPGRADE_REQUIRED,
            "`upgrade-required` (426) or `redirect`");
    public static final Option<Integer> REDIRECT_STATUS = Option.of(TlsPolicyOptions.REDIRECT_STATUS,
            OptionTypes.integerIn(301, 302, 303, 307, 308), HttpSpec.SC_TEMPORARY_REDIRECT,
            "status of redirects in redirect mode: 301, 302, 303, 307 or 308");
    public static final Option<Integer> HTTPS_PORT = Option.integer(TlsPolicyOptions.HTTPS_PORT, 443, 1, 65535,
            "port of the https URL in 426 pages and redirects");
    public static final Option<List<ProtocolToken>> UPGRADE_TOKENS = Option.of(TlsPolicyOptions.UPGRADE_TOKENS,
            TlsUpgradeDeclarations.VERSIONED_TLS_TOKENS, null, "TLS tokens of the 426's `Upgrade` (and advertisement), most "
                    + "preferred first; `HTTP/1.1` is added after them; none may be below the minimum version")
            .shownAs("from the minimum: `TLS/1.3, TLS/1.2`");
    public static final Option<Boolean> ADVERTISE = Option.bool(TlsPolicyOptions.ADVERTISE, false,
            "advertise the upgrade on cleartext responses that do not require TLS, for the resources of "
                    + "`switchboard.tls.optionalUpgrade` only (`switchboard.advertise` of `UpgradeFilter`, when also "
                    + "set, runs later and replaces the field: list the TLS tokens there too)");
    public static final Option<Boolean> CONNECTOR_UPGRADE = Option.bool(TlsPolicyOptions.CONNECTOR_UPGRADE, false,
            "declares that the cleartext connector serves RFC 2817's mandatory form, `OPTIONS *` with `Upgrade: TLS/1.x` "
                    + "(upgrade-tomcat's `ConnectorTls`, upgrade-jetty's `TlsUpgradeConnectionFactory`), so that the "
                    + "426 page offers it; it installs nothing itself");
    public static final Option<Duration> HSTS_MAX_AGE = Option.duration(TlsPolicyOptions.HSTS_MAX_AGE, Duration.ZERO,
            "`Strict-Transport-Security` max-age on secure responses").shownAs("`0` (off)");
    public static final Option<Boolean> HSTS_INCLUDE_SUBDOMAINS = Option.bool(TlsPolicyOptions.HSTS_INCLUDE_SUBDOMAINS,
            false, "add `includeSubDomains`");
    public static final Option<Boolean> HSTS_PRELOAD = Option.bool(TlsPolicyOptions.HSTS_PRELOAD, false,
            "add `preload`");

    public static final OptionGroup GROUP = OptionGroup.builder("tls-policy", "switchboard.tls.")
            .add(PROTECT, EXEMPT, EXEMPT_ADDRESSES, CONFIDENTIAL_CONSTRAINTS, MODE, REDIRECT_STATUS, HTTPS_PORT,
                    UPGRADE_TOKENS, ADVERTISE, CONNECTOR_UPGRADE, HSTS_MAX_AGE, HSTS_INCLUDE_SUBDOMAINS, HSTS_PRELOAD)
            .build();

    private TlsPolicyDeclarations() {
    }

    /** The set of {@code items}, or an error saying what the option takes. */
    static AddressSet addresses(List<String> items) {
        try {
            return AddressSet.parse(items);
        } catch (WireFormatException e) {
            throw InvalidOptionException.expected("IP addresses or CIDR blocks such as 10.0.0.0/8, ::1 ("
                    + e.getMessage() + ")", String.join(", ", items));
        }
    }
}
