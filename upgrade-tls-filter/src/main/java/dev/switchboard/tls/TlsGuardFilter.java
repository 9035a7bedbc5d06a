package dev.switchboard.tls;

import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.StageFilter;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.tls.internal.GuardStage;
import jakarta.servlet.FilterConfig;

/**
 * The second half of {@link TlsPolicyFilter}, for an application that declares Switchboard's
 * filters one by one: it runs right after the upgrade filter, and a cleartext request for a
 * protected resource that asked to upgrade to TLS only reaches it when no switch happened (the
 * protocol declined, or is not enabled). Such a request gets the policy's 426 (or redirect)
 * here, so that it is never served in cleartext. Every other request passes at the cost of one
 * look-up. {@code SwitchboardFilter} runs the same check as its {@code POST_DISPATCH_GUARD} stage.
 */
public class TlsGuardFilter extends StageFilter {

    public TlsGuardFilter() {
        super(true);
    }

    @Override
    protected Stages createStages(FilterConfig config, Settings settings) {
        return new Stages(UpgradeDeclarations.limits(settings)).add(Phase.POST_DISPATCH_GUARD, new GuardStage());
    }
}
