package dev.switchboard.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.Upgrade;
import dev.switchboard.servlet.Settings;
import dev.switchboard.tls.internal.AddressSet;
import dev.switchboard.tls.internal.UrlPatterns;

/**
 * The settings of one {@link TlsPolicyFilter}: which requests require TLS, how a cleartext
 * request for them is answered, when a request counts as secure, and what secure and
 * cleartext responses carry. Immutable; build with {@link #builder()} or read from
 * init-params and context-params with {@link #from(Settings)}. Every option is listed, with
 * its default, in the module's README.
 */
public final class TlsPolicyOptions {

    /** URL patterns that require TLS (default none). */
    public static final String PROTECT = "switchboard.tls.protect";
    /** URL patterns that never require TLS, even when a protected pattern matches (default none). */
    public static final String EXEMPT = "switchboard.tls.exempt";
    /** Client addresses or CIDR blocks that never need TLS, such as {@code 127.0.0.1, ::1} (default none). */
    public static final String EXEMPT_ADDRESSES = "switchboard.tls.exemptAddresses";
    /** Whether web.xml's {@code CONFIDENTIAL} and {@code INTEGRAL} constraints are protected too (default true). */
    public static final String CONFIDENTIAL_CONSTRAINTS = "switchboard.tls.confidentialConstraints";
    /** {@code upgrade-required} (426, the default) or {@code redirect}. */
    public static final String MODE = "switchboard.tls.mode";
    /** The status of redirects in {@code redirect} mode: 301, 302, 303, 307 (the default) or 308. */
    public static final String REDIRECT_STATUS = "switchboard.tls.redirectStatus";
    /** The port of the https URL given in 426 pages and redirects (default 443). */
    public static final String HTTPS_PORT = "switchboard.tls.httpsPort";
    /** The TLS tokens of the 426's {@code Upgrade}, most preferred first (default: TLS/1.3, TLS/1.2 from the minimum version). */
    public static final String UPGRADE_TOKENS = "switchboard.tls.upgradeTokens";
    /** Whether cleartext responses that do not require TLS advertise the upgrade (default false). */
    public static final String ADVERTISE = "switchboard.tls.advertise";
    /**
     * Whether the cleartext connector serves RFC 2817's mandatory form, {@code OPTIONS *} with
     * {@code Upgrade: TLS/1.x} (upgrade-tomcat's {@code ConnectorTls}, upgrade-jetty's
     * {@code TlsUpgradeConnectionFactory}), so that the 426 page offers it (default false).
     */
    public static final String CONNECTOR_UPGRADE = "switchboard.tls.connectorUpgrade";
    /** Proxy addresses or CIDR blocks whose {@code Forwarded} / {@code X-Forwarded-Proto} are believed (default none). */
    public static final String TRUSTED_PROXIES = "switchboard.tls.trustedProxies";
    /** {@code Strict-Transport-Security} max-age on secure responses; 0 (the default) sends none. */
    public static final String HSTS_MAX_AGE = "switchboard.tls.hstsMaxAge";
    /** Whether the HSTS policy covers subdomains (default false). */
    public static final String HSTS_INCLUDE_SUBDOMAINS = "switchboard.tls.hstsIncludeSubDomains";
    /** Whether the HSTS field carries {@code preload} (default false). */
    public static final String HSTS_PRELOAD = "switchboard.tls.hstsPreload";

    /** How a cleartext request for a protected resource is answered. */
    public enum Mode {
        /** {@code 426 Upgrade Required} with the TLS tokens and a page giving the https URL (RFC 2817 section 4.2). */
        UPGRADE_REQUIRED,
        /** A redirect to the https URL, for sites that want the browsers' usual behaviour. */
        REDIRECT
    }

    private final List<String> protect;
    private final List<String> exempt;
    private final List<String> exemptAddresses;
    private final boolean confidentialConstraints;
    private final Mode mode;
    private final int redirectStatus;
    private final int httpsPort;
    private final Upgrade upgrade;
    private final boolean advertise;
    private final boolean connectorUpgrade;
    private final List<String> trustedProxies;
    private final Duration hstsMaxAge;
    private final boolean hstsIncludeSubDomains;
    private final boolean hstsPreload;

    private TlsPolicyOptions(Builder b) {
        this.protect = List.copyOf(b.protect);
        this.exempt = List.copyOf(b.exempt);
        this.exemptAddresses = List.copyOf(b.exemptAddresses);
        this.confidentialConstraints = b.confidentialConstraints;
        this.mode = b.mode;
        this.redirectStatus = b.redirectStatus;
        this.httpsPort = b.httpsPort;
        this.upgrade = b.upgrade != null ? b.upgrade : defaultUpgrade(b.minVersion);
        this.advertise = b.advertise;
        this.connectorUpgrade = b.connectorUpgrade;
        this.trustedProxies = List.copyOf(b.trustedProxies);
        this.hstsMaxAge = b.hstsMaxAge;
        this.hstsIncludeSubDomains = b.hstsIncludeSubDomains;
        this.hstsPreload = b.hstsPreload;
        // Fail now, naming the parameter, rather than on the first request.
        UrlPatterns.of(protect);
        UrlPatterns.of(exempt);
        AddressSet.parse(exemptAddresses);
        AddressSet.parse(trustedProxies);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every option from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static TlsPolicyOptions from(Settings settings) {
        Builder b = builder();
        b.minVersion(TlsUpgradeOptions.minVersion(settings));
        b.protect(checked(PROTECT, settings.getList(PROTECT), UrlPatterns::of));
        b.exempt(checked(EXEMPT, settings.getList(EXEMPT), UrlPatterns::of));
        b.exemptAddresses(checked(EXEMPT_ADDRESSES, settings.getList(EXEMPT_ADDRESSES), AddressSet::parse));
        b.confidentialConstraints(settings.getBoolean(CONFIDENTIAL_CONSTRAINTS, true));
        b.mode(settings.getEnum(MODE, Mode.class, Mode.UPGRADE_REQUIRED));
        int status = settings.getInt(REDIRECT_STATUS, TlsSpec.SC_TEMPORARY_REDIRECT, 301, 308);
        if (!isRedirectStatus(status)) {
            throw Settings.invalid(REDIRECT_STATUS, "301, 302, 303, 307 or 308", String.valueOf(status));
        }
        b.redirectStatus(status);
        b.httpsPort(settings.getInt(HTTPS_PORT, 443, 1, 65535));
        List<String> tokens = settings.getList(UPGRADE_TOKENS);
        if (!tokens.isEmpty()) {
            b.upgradeTokens(tokens(tokens, TlsUpgradeOptions.minVersion(settings)));
        }
        b.advertise(settings.getBoolean(ADVERTISE, false));
        b.connectorUpgrade(settings.getBoolean(CONNECTOR_UPGRADE, false));
        b.trustedProxies(checked(TRUSTED_PROXIES, settings.getList(TRUSTED_PROXIES), AddressSet::parse));
        b.hstsMaxAge(settings.getDuration(HSTS_MAX_AGE, Duration.ZERO));
        b.hstsIncludeSubDomains(settings.getBoolean(HSTS_INCLUDE_SUBDOMAINS, false));
        b.hstsPreload(settings.getBoolean(HSTS_PRELOAD, false));
        return b.build();
    }

    private static List<String> checked(String param, List<String> items, Function<List<String>, ?> parser) {
        try {
            parser.apply(items);
            return items;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(param + ": " + e.getMessage(), e);
        }
    }

    private static List<ProtocolToken> tokens(List<String> items, String minVersion) {
        List<ProtocolToken> out = new ArrayList<>();
        for (String item : items) {
            ProtocolToken token;
            try {
                token = ProtocolToken.parse(item);
            } catch (FieldSyntaxException e) {
                throw Settings.invalid(UPGRADE_TOKENS, "TLS tokens such as TLS/1.3", item);
            }
            if (!token.hasName(TlsSpec.TLS_PROTOCOL_NAME) || !token.hasVersion()) {
                throw Settings.invalid(UPGRADE_TOKENS, "TLS tokens such as TLS/1.3", item);
            }
            if (TlsVersions.below(token, minVersion)) {
                throw Settings.invalid(UPGRADE_TOKENS, "TLS tokens at or above the minimum version " + minVersion, item);
            }
            out.add(token);
        }
        return out;
    }

    private static boolean isRedirectStatus(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Upgrade defaultUpgrade(String minVersion) {
        List<ProtocolToken> stack = new ArrayList<>(TlsVersions.tokensFrom(minVersion));
        stack.add(TlsSpec.HTTP_1_1);
        return Upgrade.of(stack);
    }

    /** URL patterns that require TLS. */
    public List<String> protect() {
        return protect;
    }

    /** URL patterns exempt from the requirement. */
    public List<String> exempt() {
        return exempt;
    }

    /** Client addresses and CIDR blocks exempt from the requirement. */
    public List<String> exemptAddresses() {
        return exemptAddresses;
    }

    /** Whether web.xml's transport guarantees are protected too. */
    public boolean confidentialConstraints() {
        return confidentialConstraints;
    }

    public Mode mode() {
        return mode;
    }

    public int redirectStatus() {
        return redirectStatus;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** The {@code Upgrade} value of the 426 and of advertisements: TLS tokens, then {@code HTTP/1.1}. */
    public Upgrade upgrade() {
        return upgrade;
    }

    public boolean advertise() {
        return advertise;
    }

    /** Whether the cleartext connector answers {@code OPTIONS *} with {@code Upgrade: TLS/1.x}, as configured. */
    public boolean connectorUpgrade() {
        return connectorUpgrade;
    }

    /** Proxy addresses and CIDR blocks whose forwarding fields are believed. */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /** The {@code Strict-Transport-Security} value for secure responses, if any (RFC 6797 section 6.1). */
    public Optional<String> hsts() {
        if (hstsMaxAge.isZero()) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder(TlsSpec.HSTS_MAX_AGE).append('=').append(hstsMaxAge.toSeconds());
        if (hstsIncludeSubDomains) {
            value.append("; ").append(TlsSpec.HSTS_INCLUDE_SUBDOMAINS);
        }
        if (hstsPreload) {
            value.append("; ").append(TlsSpec.HSTS_PRELOAD);
        }
        return Optional.of(value.toString());
    }

    /** Whether this policy does anything at all: protects, advertises or sends HSTS. */
    public boolean isActive() {
        return !protect.isEmpty() || advertise || !hstsMaxAge.isZero();
    }

    /** Builds {@link TlsPolicyOptions}; every setter has the default named in the README. */
    public static final class Builder {
        private List<String> protect = List.of();
        private List<String> exempt = List.of();
        private List<String> exemptAddresses = List.of();
        private boolean confidentialConstraints = true;
        private Mode mode = Mode.UPGRADE_REQUIRED;
        private int redirectStatus = TlsSpec.SC_TEMPORARY_REDIRECT;
        private int httpsPort = 443;
        private String minVersion = TlsSpec.TLS_V1_2;
        private Upgrade upgrade;
        private boolean advertise;
        private boolean connectorUpgrade;
        private List<String> trustedProxies = List.of();
        private Duration hstsMaxAge = Duration.ZERO;
        private boolean hstsIncludeSubDomains;
        private boolean hstsPreload;

        private Builder() {
        }

        public Builder protect(List<String> urlPatterns) {
            this.protect = List.copyOf(urlPatterns);
            return this;
        }

        public Builder exempt(List<String> urlPatterns) {
            this.exempt = List.copyOf(urlPatterns);
            return this;
        }

        public Builder exemptAddresses(List<String> addressesOrCidrs) {
            this.exemptAddresses = List.copyOf(addressesOrCidrs);
            return this;
        }

        public Builder confidentialConstraints(boolean read) {
            this.confidentialConstraints = read;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        public Builder redirectStatus(int status) {
            if (!isRedirectStatus(status)) {
                throw new IllegalArgumentException("expected 301, 302, 303, 307 or 308 but was " + status);
            }
            this.redirectStatus = status;
            return this;
        }

        public Builder httpsPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("expected a port from 1 to 65535 but was " + port);
            }
            this.httpsPort = port;
            return this;
        }

        /** The minimum TLS version, which sets the default upgrade tokens. */
        public Builder minVersion(String jsseName) {
            this.minVersion = TlsVersions.requireMinimum(jsseName);
            return this;
        }

        /** The TLS tokens of the 426's {@code Upgrade}, most preferred first; {@code HTTP/1.1} is added after them. */
        public Builder upgradeTokens(List<ProtocolToken> tlsTokens) {
            List<ProtocolToken> stack = new ArrayList<>(tlsTokens);
            stack.add(TlsSpec.HTTP_1_1);
            this.upgrade = Upgrade.of(stack);
            return this;
        }

        public Builder advertise(boolean advertise) {
            this.advertise = advertise;
            return this;
        }

        /** Declares that the cleartext connector serves RFC 2817's mandatory form; the 426 page then offers it. */
        public Builder connectorUpgrade(boolean served) {
            this.connectorUpgrade = served;
            return this;
        }

        public Builder trustedProxies(List<String> addressesOrCidrs) {
            this.trustedProxies = List.copyOf(addressesOrCidrs);
            return this;
        }

        public Builder hstsMaxAge(Duration maxAge) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("expected a max-age of zero or more but was " + maxAge);
            }
            this.hstsMaxAge = maxAge;
            return this;
        }

        public Builder hstsIncludeSubDomains(boolean include) {
            this.hstsIncludeSubDomains = include;
            return this;
        }

        public Builder hstsPreload(boolean preload) {
            this.hstsPreload = preload;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a URL pattern or address is invalid
         */
        public TlsPolicyOptions build() {
            return new TlsPolicyOptions(this);
        }
    }
}
