package dev.switchboard.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.Upgrade;
import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.OptionValues;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.Settings;

/**
 * The settings of one {@link TlsPolicyFilter}: which requests require TLS, how a cleartext
 * request for them is answered, when a request counts as secure, and what secure and
 * cleartext responses carry. Immutable; build with {@link #builder()} or read from
 * init-params and context-params with {@link #from(Settings)}. Each option, with its default,
 * range and meaning, is declared once in {@link TlsPolicyDeclarations}, which both read; the
 * README's tables are generated from there.
 */
public final class TlsPolicyOptions {

    public static final String PROTECT = "switchboard.tls.protect";
    public static final String EXEMPT = "switchboard.tls.exempt";
    public static final String EXEMPT_ADDRESSES = "switchboard.tls.exemptAddresses";
    public static final String CONFIDENTIAL_CONSTRAINTS = "switchboard.tls.confidentialConstraints";
    public static final String MODE = "switchboard.tls.mode";
    public static final String REDIRECT_STATUS = "switchboard.tls.redirectStatus";
    public static final String HTTPS_PORT = "switchboard.tls.httpsPort";
    public static final String UPGRADE_TOKENS = "switchboard.tls.upgradeTokens";
    public static final String ADVERTISE = "switchboard.tls.advertise";
    public static final String CONNECTOR_UPGRADE = "switchboard.tls.connectorUpgrade";
    /**
     * No longer read: the trusted proxies are the context's {@code switchboard.trustedProxies}
     * ({@link dev.switchboard.servlet.ForwardedClients}); a start that still sets this fails.
     */
    public static final String REMOVED_TRUSTED_PROXIES = "switchboard.tls.trustedProxies";
    public static final String HSTS_MAX_AGE = "switchboard.tls.hstsMaxAge";
    public static final String HSTS_INCLUDE_SUBDOMAINS = "switchboard.tls.hstsIncludeSubDomains";
    public static final String HSTS_PRELOAD = "switchboard.tls.hstsPreload";

    /** How a cleartext request for a protected resource is answered. */
    public enum Mode {
        /** {@code 426 Upgrade Required} with the TLS tokens and a page giving the https URL (RFC 2817 section 4.2). */
        UPGRADE_REQUIRED,
        /** A redirect to the https URL, for sites that want the browsers' usual behaviour. */
        REDIRECT
    }

    private final OptionValues values;
    private final Upgrade upgrade;

    private TlsPolicyOptions(OptionValues values) {
        this.values = values;
        String minVersion = values.get(TlsUpgradeDeclarations.MIN_VERSION);
        List<ProtocolToken> stack = new ArrayList<>();
        List<ProtocolToken> tokens = values.get(TlsPolicyDeclarations.UPGRADE_TOKENS);
        for (ProtocolToken token : tokens != null ? tokens : TlsVersions.tokensFrom(minVersion)) {
            if (TlsVersions.below(token, minVersion)) {
                throw InvalidOptionException.expected(UPGRADE_TOKENS, "TLS tokens at or above the minimum version "
                        + minVersion, token.toString());
            }
            stack.add(token);
        }
        stack.add(TlsSpec.HTTP_1_1);
        this.upgrade = Upgrade.of(stack);
    }

    public static Builder builder() {
        return new Builder(OptionValues.builder());
    }

    /**
     * Reads every option from {@code settings}, and the minimum TLS version of
     * {@link TlsUpgradeDeclarations#MIN_VERSION}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static TlsPolicyOptions from(Settings settings) {
        ForwardedClients.refuseRemovedKey(settings, REMOVED_TRUSTED_PROXIES);
        return new Builder(TlsPolicyDeclarations.GROUP.read(settings).toBuilder())
                .minVersion(TlsUpgradeDeclarations.MIN_VERSION.get(settings)).build();
    }

    /** URL patterns that require TLS. */
    public List<String> protect() {
        return values.get(TlsPolicyDeclarations.PROTECT);
    }

    /** URL patterns exempt from the requirement. */
    public List<String> exempt() {
        return values.get(TlsPolicyDeclarations.EXEMPT);
    }

    /** Client addresses and CIDR blocks exempt from the requirement. */
    public List<String> exemptAddresses() {
        return values.get(TlsPolicyDeclarations.EXEMPT_ADDRESSES);
    }

    /** Whether web.xml's transport guarantees are protected too. */
    public boolean confidentialConstraints() {
        return values.get(TlsPolicyDeclarations.CONFIDENTIAL_CONSTRAINTS);
    }

    public Mode mode() {
        return values.get(TlsPolicyDeclarations.MODE);
    }

    public int redirectStatus() {
        return values.get(TlsPolicyDeclarations.REDIRECT_STATUS);
    }

    public int httpsPort() {
        return values.get(TlsPolicyDeclarations.HTTPS_PORT);
    }

    /** The {@code Upgrade} value of the 426 and of advertisements: TLS tokens, then {@code HTTP/1.1}. */
    public Upgrade upgrade() {
        return upgrade;
    }

    public boolean advertise() {
        return values.get(TlsPolicyDeclarations.ADVERTISE);
    }

    /** Whether the cleartext connector answers {@code OPTIONS *} with {@code Upgrade: TLS/1.x}, as configured. */
    public boolean connectorUpgrade() {
        return values.get(TlsPolicyDeclarations.CONNECTOR_UPGRADE);
    }

    /** The {@code Strict-Transport-Security} value for secure responses, if any (RFC 6797 section 6.1). */
    public Optional<String> hsts() {
        Duration maxAge = values.get(TlsPolicyDeclarations.HSTS_MAX_AGE);
        if (maxAge.isZero()) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder(TlsSpec.HSTS_MAX_AGE).append('=').append(maxAge.toSeconds());
        if (values.get(TlsPolicyDeclarations.HSTS_INCLUDE_SUBDOMAINS)) {
            value.append("; ").append(TlsSpec.HSTS_INCLUDE_SUBDOMAINS);
        }
        if (values.get(TlsPolicyDeclarations.HSTS_PRELOAD)) {
            value.append("; ").append(TlsSpec.HSTS_PRELOAD);
        }
        return Optional.of(value.toString());
    }

    /** Whether this policy does anything at all: protects, advertises or sends HSTS. */
    public boolean isActive() {
        return !protect().isEmpty() || advertise() || hsts().isPresent();
    }

    /**
     * Builds {@link TlsPolicyOptions}; every option starts at its declared default, and a setter
     * refuses, naming the parameter, what the parameter would refuse.
     */
    public static final class Builder {
        private final OptionValues.Builder values;

        private Builder(OptionValues.Builder values) {
            this.values = values;
        }

        public Builder protect(List<String> urlPatterns) {
            values.set(TlsPolicyDeclarations.PROTECT, List.copyOf(urlPatterns));
            return this;
        }

        public Builder exempt(List<String> urlPatterns) {
            values.set(TlsPolicyDeclarations.EXEMPT, List.copyOf(urlPatterns));
            return this;
        }

        public Builder exemptAddresses(List<String> addressesOrCidrs) {
            values.set(TlsPolicyDeclarations.EXEMPT_ADDRESSES, List.copyOf(addressesOrCidrs));
            return this;
        }

        public Builder confidentialConstraints(boolean read) {
            values.set(TlsPolicyDeclarations.CONFIDENTIAL_CONSTRAINTS, read);
            return this;
        }

        public Builder mode(Mode mode) {
            values.set(TlsPolicyDeclarations.MODE, mode);
            return this;
        }

        public Builder redirectStatus(int status) {
            values.set(TlsPolicyDeclarations.REDIRECT_STATUS, status);
            return this;
        }

        public Builder httpsPort(int port) {
            values.set(TlsPolicyDeclarations.HTTPS_PORT, port);
            return this;
        }

        /** The minimum TLS version, which sets the default upgrade tokens and bounds configured ones. */
        public Builder minVersion(String jsseName) {
            values.set(TlsUpgradeDeclarations.MIN_VERSION,
                    TlsUpgradeDeclarations.MIN_VERSION.parse(TlsUpgradeOptions.MIN_VERSION, jsseName));
            return this;
        }

        /** The TLS tokens of the 426's {@code Upgrade}, most preferred first; {@code HTTP/1.1} is added after them. */
        public Builder upgradeTokens(List<ProtocolToken> tlsTokens) {
            values.set(TlsPolicyDeclarations.UPGRADE_TOKENS, List.copyOf(tlsTokens));
            return this;
        }

        public Builder advertise(boolean advertise) {
            values.set(TlsPolicyDeclarations.ADVERTISE, advertise);
            return this;
        }

        /** Declares that the cleartext connector serves RFC 2817's mandatory form; the 426 page then offers it. */
        public Builder connectorUpgrade(boolean served) {
            values.set(TlsPolicyDeclarations.CONNECTOR_UPGRADE, served);
            return this;
        }

        public Builder hstsMaxAge(Duration maxAge) {
            values.set(TlsPolicyDeclarations.HSTS_MAX_AGE, maxAge);
            return this;
        }

        public Builder hstsIncludeSubDomains(boolean include) {
            values.set(TlsPolicyDeclarations.HSTS_INCLUDE_SUBDOMAINS, include);
            return this;
        }

        public Builder hstsPreload(boolean preload) {
            values.set(TlsPolicyDeclarations.HSTS_PRELOAD, preload);
            return this;
        }

        /**
         * @throws IllegalArgumentException naming {@value TlsPolicyOptions#UPGRADE_TOKENS} if a token is below
         *     the minimum version
         */
        public TlsPolicyOptions build() {
            return new TlsPolicyOptions(values.build());
        }
    }
}
