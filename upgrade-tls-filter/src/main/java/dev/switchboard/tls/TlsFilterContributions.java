package dev.switchboard.tls;

import dev.switchboard.servlet.FilterContribution;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeDeclarations;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;

/**
 * The filters this module adds through {@link FilterContribution}: the policy before the
 * tunnel and the upgrade filter, the guard right after the upgrade filter.
 */
public final class TlsFilterContributions {

    /** The name under which {@link TlsPolicyFilter} is added. */
    public static final String POLICY_FILTER_NAME = "switchboard-tls";
    /** The name under which {@link TlsGuardFilter} is added. */
    public static final String GUARD_FILTER_NAME = "switchboard-tls-guard";
    /** The policy's order: before the tunnel (200) and the upgrade filter (1000). */
    public static final int POLICY_ORDER = 100;
    /** The guard's order: right after the upgrade filter. */
    public static final int GUARD_ORDER = FilterContribution.UPGRADE_FILTER_ORDER + 1;

    private TlsFilterContributions() {
    }

    /**
     * Whether the policy has anything to do: a protected pattern or a web.xml transport
     * guarantee, advertisement, HSTS, trusted proxies, or RFC 2817 connections to recognise.
     */
    static boolean policyEnabled(ServletContext context, Settings settings) {
        TlsPolicyOptions options = TlsPolicyOptions.from(settings);
        return options.isActive() || !UpgradeDeclarations.TRUSTED_PROXIES.get(settings).isEmpty() || TlsUpgradeOptions.configured(settings)
                || protects(context, options);
    }

    static boolean protects(ServletContext context, TlsPolicyOptions options) {
        return !TlsPolicyFilter.protectedResources(context, options, false).isEmpty();
    }

    /** Adds {@link TlsPolicyFilter} (order 100) when the policy has anything to do. */
    public static final class Policy implements FilterContribution {
        @Override
        public String name() {
            return POLICY_FILTER_NAME;
        }

        @Override
        public int order() {
            return POLICY_ORDER;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return policyEnabled(context, settings);
        }

        @Override
        public Filter create(ServletContext context, Settings settings) {
            return new TlsPolicyFilter();
        }
    }

    /** Adds {@link TlsGuardFilter} (order 1001) when some resource requires TLS. */
    public static final class Guard implements FilterContribution {
        @Override
        public String name() {
            return GUARD_FILTER_NAME;
        }

        @Override
        public int order() {
            return GUARD_ORDER;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return protects(context, TlsPolicyOptions.from(settings));
        }

        @Override
        public Filter create(ServletContext context, Settings settings) {
            return new TlsGuardFilter();
        }
    }
}
