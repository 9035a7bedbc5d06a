package dev.switchboard.tls;

import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.servlet.Stage;
import dev.switchboard.servlet.StageContribution;
import dev.switchboard.tls.internal.GuardStage;
import jakarta.servlet.ServletContext;

/**
 * The stages this module adds to {@code SwitchboardFilter}: transport resolution and the policy
 * before the tunnel and negotiation, the guard right after negotiation.
 */
public final class TlsStageContributions {

    private TlsStageContributions() {
    }

    /**
     * Whether the policy has anything to do: a protected pattern or a web.xml transport
     * guarantee, advertisement, HSTS, trusted proxies, or RFC 2817 connections to recognise.
     */
    static boolean policyEnabled(ServletContext context, Settings settings) {
        TlsPolicyOptions options = TlsPolicyOptions.from(settings);
        return options.isActive() || !UpgradeDeclarations.TRUSTED_PROXIES.get(settings).isEmpty()
                || TlsUpgradeOptions.configured(settings) || protects(context, options);
    }

    static boolean protects(ServletContext context, TlsPolicyOptions options) {
        return !TlsPolicyFilter.protectedResources(context, options, false).isEmpty();
    }

    /** {@link dev.switchboard.servlet.Phase#TRANSPORT}: how the request arrived, when the policy has anything to do. */
    public static final class Transport implements StageContribution {
        @Override
        public Phase phase() {
            return Phase.TRANSPORT;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return policyEnabled(context, settings);
        }

        @Override
        public Stage create(ServletContext context, Settings settings) {
            return TlsPolicyFilter.transportStage(context);
        }
    }

    /** {@link dev.switchboard.servlet.Phase#TLS_POLICY}: mandatory TLS, when the policy has anything to do. */
    public static final class Policy implements StageContribution {
        @Override
        public Phase phase() {
            return Phase.TLS_POLICY;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return policyEnabled(context, settings);
        }

        @Override
        public Stage create(ServletContext context, Settings settings) {
            return TlsPolicyFilter.policyStage(context, settings, TlsPolicyOptions.from(settings));
        }
    }

    /** {@link dev.switchboard.servlet.Phase#POST_DISPATCH_GUARD}: the 426 after a TLS upgrade that did not happen. */
    public static final class Guard implements StageContribution {
        @Override
        public Phase phase() {
            return Phase.POST_DISPATCH_GUARD;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return protects(context, TlsPolicyOptions.from(settings));
        }

        @Override
        public Stage create(ServletContext context, Settings settings) {
            return new GuardStage();
        }
    }
}
