package dev.switchboard.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.StageFilter;
import dev.switchboard.servlet.SwitchboardRuntime;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.tls.internal.BridgeRegistry;
import dev.switchboard.tls.internal.ConfidentialConstraints;
import dev.switchboard.tls.internal.ContainerConstraints;
import dev.switchboard.tls.internal.PolicyStage;
import dev.switchboard.tls.internal.ProtectedResources;
import dev.switchboard.tls.internal.TlsPolicy;
import dev.switchboard.tls.internal.TlsRequirement;
import dev.switchboard.tls.internal.TransportResolver;
import dev.switchboard.tls.internal.TransportStage;
import dev.switchboard.tls.internal.UpgradeForms;
import dev.switchboard.tls.internal.UrlPatterns;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Mandatory TLS for a web application. For every request it first settles how the request
 * arrived (over this module's RFC 2817 connection, from a trusted proxy, or as the container
 * says: TLS-09) and shows the rest of the chain a request that reports it consistently;
 * then:
 * <ul>
 *   <li>a secure request is served, with {@code Strict-Transport-Security} where configured
 *       (TLS-10);</li>
 *   <li>a cleartext request for a protected resource is answered with {@code 426 Upgrade
 *       Required}, {@code Upgrade: TLS/1.3, TLS/1.2, HTTP/1.1}, {@code Connection: upgrade}
 *       and a page giving the https URL, or a redirect in redirect mode, before anything else
 *       runs for it (TLS-05, TLS-06); unless it asks to upgrade to TLS, which is then the
 *       only switch it may get ({@link TlsGuardFilter} answers if the switch does not
 *       happen);</li>
 *   <li>other cleartext requests are served, advertising the upgrade where configured (TLS-07)
 *       and where RFC 2817's optional form would switch them (TLS-11).</li>
 * </ul>
 *
 * <p>{@code SwitchboardFilter} runs this as two stages ({@code TRANSPORT} and
 * {@code TLS_POLICY}, see {@link TlsStageContributions}) when configured. This filter runs the
 * same two stages for an application that declares Switchboard's filters one by one in web.xml:
 * it takes the init-params of {@link TlsPolicyOptions} (each may also be a context-param) and
 * must come before {@code UpgradeFilter}, with {@link TlsGuardFilter} right after it.
 */
public class TlsPolicyFilter extends StageFilter {

    private static final Logger LOG = Logger.getLogger(TlsPolicyFilter.class.getName());

    private TlsPolicyOptions options;

    /** A filter configured from init-params and context-params. */
    public TlsPolicyFilter() {
        this(null);
    }

    /** A filter with these options. */
    public TlsPolicyFilter(TlsPolicyOptions options) {
        super(true);
        this.options = options;
    }

    @Override
    protected Stages createStages(FilterConfig config, Settings settings) throws ServletException {
        if (options == null) {
            options = TlsPolicyOptions.from(settings);
        }
        ServletContext context = config.getServletContext();
        PolicyStage policy = policyStage(context, settings, options);
        return new Stages(UpgradeDeclarations.limits(settings)).add(Phase.TRANSPORT, transportStage(context))
                .add(Phase.TLS_POLICY, policy);
    }

    /**
     * The {@code TRANSPORT} stage of {@code context}: the client its trusted proxies vouch for.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    static TransportStage transportStage(ServletContext context) {
        BridgeRegistry bridges = BridgeRegistry.of(context);
        return new TransportStage(SwitchboardRuntime.of(context),
                new TransportResolver(bridges, ForwardedClients.of(context)));
    }

    /**
     * The {@code TLS_POLICY} stage for these options; takes the application's transport
     * guarantees over from Tomcat where enabled.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    static PolicyStage policyStage(ServletContext context, Settings settings, TlsPolicyOptions options) {
        ProtectedResources resources = protectedResources(context, options, true);
        TlsUpgradeOptions inPlace = TlsUpgradeOptions.configured(settings) ? TlsUpgradeOptions.from(settings) : null;
        List<ProtocolToken> tokens = inPlace != null ? inPlace.tokens() : List.of();
        UpgradeForms forms = inPlace != null ? new UpgradeForms(UrlPatterns.of(inPlace.optionalUpgrade()))
                : UpgradeForms.mandatoryOnly();
        TlsPolicy policy = new TlsPolicy(resources, TlsPolicyDeclarations.addresses(options.exemptAddresses()), tokens,
                forms);
        TlsRequirement requirement = new TlsRequirement(options.upgrade(), options.httpsPort(),
                options.mode() == TlsPolicyOptions.Mode.REDIRECT ? options.redirectStatus() : 0,
                tokens.isEmpty() ? null : forms,
                options.connectorUpgrade() ? options.upgrade().protocols().get(0).toString() : null);
        String advertised = options.advertise() && !tokens.isEmpty() ? options.upgrade().toHeaderValue() : null;
        if (!resources.isEmpty() && tokens.isEmpty()) {
            LOG.info("TLS is required for " + resources.rules().size() + " rule(s) but RFC 2817 upgrades are off ("
                    + TlsUpgradeOptions.KEYSTORE + " is not set): clients must use the https URL"
                    + (options.connectorUpgrade() ? " or the cleartext connector's OPTIONS * upgrade" : ""));
        }
        if (options.advertise() && (tokens.isEmpty() || !forms.optionalEnabled())) {
            LOG.warning(TlsPolicyOptions.ADVERTISE + " is set but nothing is advertised: only responses for the"
                    + " resources of " + TlsUpgradeOptions.OPTIONAL_UPGRADE + " advertise an upgrade, and there are none");
        }
        LOG.log(Level.FINE, "TLS policy: {0}", resources);
        return new PolicyStage(policy, requirement, forms, options.hsts().orElse(null), advertised);
    }

    /**
     * The configured patterns and, where enabled, the application's transport guarantees:
     * read from Tomcat (and, with {@code takeOver}, no longer enforced by it), or from
     * web.xml on other containers.
     */
    static ProtectedResources protectedResources(ServletContext context, TlsPolicyOptions options, boolean takeOver) {
        List<ProtectedResources.Rule> rules = new ArrayList<>();
        rules.add(ProtectedResources.Rule.allMethods(UrlPatterns.of(options.protect())));
        if (options.confidentialConstraints()) {
            rules.addAll(ContainerConstraints.read(context, takeOver).orElseGet(() -> ConfidentialConstraints.read(context)));
        }
        return new ProtectedResources(rules, UrlPatterns.of(options.exempt()));
    }

    /** The options in force; null before {@link #init}. */
    public TlsPolicyOptions options() {
        return options;
    }
}
