package dev.switchboard.boot;

import java.util.Locale;
import java.util.logging.Logger;

import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.tls.TlsPolicyOptions;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Keeps Boot's forwarded-header handling from deciding, in place of Switchboard's trusted
 * proxies, whether a request arrived over TLS. Where the TLS policy protects resources:
 * <ul>
 *   <li>{@code server.forward-headers-strategy=framework} puts Spring's
 *       {@code ForwardedHeaderFilter}, which believes every client, at the front of the filter
 *       chain; the starter moves it behind Switchboard's filters
 *       ({@link ForwardedHeaderFilterOrder}), so that the policy reads the connection as it is
 *       and believes only {@code switchboard.trusted-proxies};</li>
 *   <li>{@code native} (also switched on by Boot on Kubernetes and other cloud platforms) has the
 *       container rewrite the request before any filter: Jetty believes every client, and Tomcat
 *       every private address unless {@code server.tomcat.remoteip.internal-proxies} names the
 *       proxies. Those cases fail the start ({@link #check}).</li>
 * </ul>
 */
final class ForwardedHeaders {

    static final String STRATEGY = "server.forward-headers-strategy";
    static final String TOMCAT_INTERNAL_PROXIES = "server.tomcat.remoteip.internal-proxies";
    static final String TOMCAT_TRUSTED_PROXIES = "server.tomcat.remoteip.trusted-proxies";
    static final String PROTECT = TlsPolicyOptions.PROTECT;
    static final String TRUSTED_PROXIES = UpgradeOptions.TRUSTED_PROXIES;

    private static final Logger LOG = Logger.getLogger(ForwardedHeaders.class.getName());

    private ForwardedHeaders() {
    }

    /** Boot's strategy as Boot applies it: the property, or the cloud platform's choice when it is unset. */
    static String strategy(Environment environment) {
        String strategy = Binder.get(environment).bind(STRATEGY, String.class).orElse(null);
        if (strategy != null) {
            return strategy.toLowerCase(Locale.ROOT);
        }
        CloudPlatform platform = CloudPlatform.getActive(environment);
        return platform != null && platform.isUsingForwardHeaders() ? "native" : "none";
    }

    /**
     * @param container the servlet container's {@code getServerInfo()}
     * @throws SwitchboardConfigurationException where Boot's strategy would make the container
     *     believe forwarded fields from clients that are not trusted proxies
     */
    static void check(Environment environment, SwitchboardParameters parameters, String container) {
        if (!parameters.values().containsKey(PROTECT)) {
            return;
        }
        String strategy = strategy(environment);
        String how = Binder.get(environment).bind(STRATEGY, String.class).isBound() ? ""
                : " (Boot's default on " + CloudPlatform.getActive(environment) + ")";
        boolean jetty = container != null && container.toLowerCase(Locale.ROOT).contains("jetty");
        if (strategy.equals("native") && jetty) {
            throw new SwitchboardConfigurationException(STRATEGY + "=native" + how
                    + " makes Jetty believe X-Forwarded-Proto from every client, which defeats " + PROTECT,
                    "Set " + STRATEGY + "=none and name the proxies that terminate TLS in switchboard.trusted-proxies.");
        }
        if (strategy.equals("native") && !environment.containsProperty(TOMCAT_INTERNAL_PROXIES)
                && !environment.containsProperty(TOMCAT_TRUSTED_PROXIES)) {
            throw new SwitchboardConfigurationException(STRATEGY + "=native" + how
                    + " makes Tomcat believe X-Forwarded-Proto from any private address (" + TOMCAT_INTERNAL_PROXIES
                    + " is not set), which defeats " + PROTECT,
                    "Set " + TOMCAT_INTERNAL_PROXIES + " to your proxies' addresses, or " + STRATEGY
                            + "=none and name them in switchboard.trusted-proxies.");
        }
        if (strategy.equals("framework") && !parameters.values().containsKey(TRUSTED_PROXIES)) {
            LOG.warning(STRATEGY + "=framework: Switchboard's TLS policy runs before Spring's ForwardedHeaderFilter "
                    + "and believes no proxy's X-Forwarded-Proto until switchboard.trusted-proxies names them");
        }
    }
}
