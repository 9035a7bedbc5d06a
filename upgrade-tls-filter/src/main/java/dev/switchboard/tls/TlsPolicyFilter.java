package dev.switchboard.tls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.Upgrade;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.Settings;
import dev.switchboard.tls.internal.AddressSet;
import dev.switchboard.tls.internal.BridgeRegistry;
import dev.switchboard.tls.internal.ConfidentialConstraints;
import dev.switchboard.tls.internal.ProtectedResources;
import dev.switchboard.tls.internal.TlsOffersOnlyRequest;
import dev.switchboard.tls.internal.TlsPolicy;
import dev.switchboard.tls.internal.TlsRequirement;
import dev.switchboard.tls.internal.TomcatConstraints;
import dev.switchboard.tls.internal.Transport;
import dev.switchboard.tls.internal.TransportResolver;
import dev.switchboard.tls.internal.UpgradeForms;
import dev.switchboard.tls.internal.UrlPatterns;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * <p>Added by {@link dev.switchboard.servlet.SwitchboardInitializer} ahead of the upgrade
 * filter when configured. Declared in web.xml instead, it takes the init-params of
 * {@link TlsPolicyOptions} (each may also be a context-param) and must come before
 * {@code UpgradeFilter}, with {@link TlsGuardFilter} right after it.
 */
public class TlsPolicyFilter implements Filter {

    /** The request attribute through which {@link TlsGuardFilter} learns that a switch to TLS was required. */
    public static final String REQUIRED_ATTRIBUTE = TlsPolicyFilter.class.getName() + ".required";

    private static final Logger LOG = Logger.getLogger(TlsPolicyFilter.class.getName());

    private TlsPolicyOptions options;
    private BridgeRegistry bridges;
    private TransportResolver resolver;
    private TlsPolicy policy;
    private TlsRequirement requirement;
    private UpgradeForms forms;
    private String hsts;
    private String advertised;

    /** A filter configured from init-params and context-params. */
    public TlsPolicyFilter() {
    }

    /** A filter with these options. */
    public TlsPolicyFilter(TlsPolicyOptions options) {
        this.options = options;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        ServletContext context = config.getServletContext();
        Settings settings = Settings.of(config);
        ProtectedResources resources;
        List<ProtocolToken> tokens;
        try {
            if (options == null) {
                options = TlsPolicyOptions.from(settings);
            }
            resources = protectedResources(context, options, true);
            TlsUpgradeOptions inPlace = TlsUpgradeOptions.configured(settings) ? TlsUpgradeOptions.from(settings) : null;
            tokens = inPlace != null ? inPlace.tokens() : List.of();
            forms = inPlace != null ? new UpgradeForms(UrlPatterns.of(inPlace.optionalUpgrade()))
                    : UpgradeForms.mandatoryOnly();
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        bridges = BridgeRegistry.of(context);
        resolver = new TransportResolver(bridges, AddressSet.parse(options.trustedProxies()));
        policy = new TlsPolicy(resources, AddressSet.parse(options.exemptAddresses()), tokens, forms);
        requirement = new TlsRequirement(options.upgrade(), options.httpsPort(),
                options.mode() == TlsPolicyOptions.Mode.REDIRECT ? options.redirectStatus() : 0,
                tokens.isEmpty() ? null : forms,
                options.connectorUpgrade() ? options.upgrade().protocols().get(0).toString() : null);
        hsts = options.hsts().orElse(null);
        advertised = options.advertise() && !tokens.isEmpty() ? options.upgrade().toHeaderValue() : null;
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
            rules.addAll(TomcatConstraints.read(context, takeOver).orElseGet(() -> ConfidentialConstraints.read(context)));
        }
        return new ProtectedResources(rules, UrlPatterns.of(options.exempt()));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Transport transport;
        try {
            transport = resolver.resolve(request);
        } catch (HttpStatusException e) {
            Refusals.send(response, e);
            return;
        }
        HttpServletRequest seen = transport.apply(request, response);
        switch (policy.decide(seen, transport)) {
            case SECURE -> {
                if (hsts != null) {
                    response.setHeader(HttpSpec.STRICT_TRANSPORT_SECURITY, hsts);
                }
                chain.doFilter(seen, response);
            }
            case CLEARTEXT -> {
                if (advertised != null && HttpVersion.allowsUpgrade(seen.getProtocol())
                        && forms.optionalFor(TlsPolicy.pathWithinApplication(seen))) {
                    response.setHeader(HttpSpec.UPGRADE, advertised);
                    response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
                }
                chain.doFilter(seen, response);
            }
            case AWAIT_UPGRADE -> {
                seen.setAttribute(REQUIRED_ATTRIBUTE, requirement);
                Upgrade offered = Upgrade.parse(Collections.list(seen.getHeaders(HttpSpec.UPGRADE)));
                chain.doFilter(new TlsOffersOnlyRequest(seen, Upgrade.of(policy.tlsOffers(offered))), response);
            }
            case REQUIRE_TLS -> requirement.send(seen, response);
        }
    }

    /** Ends the application's RFC 2817 connections and their selector thread. */
    @Override
    public void destroy() {
        if (bridges != null) {
            bridges.stop();
        }
    }

    /** The options in force; null before {@link #init}. */
    public TlsPolicyOptions options() {
        return options;
    }
}
