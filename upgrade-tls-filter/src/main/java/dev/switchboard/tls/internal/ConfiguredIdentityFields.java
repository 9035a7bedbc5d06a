package dev.switchboard.tls.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.container.ContainerSupport;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

/**
 * The request fields that the container is configured to believe about a client, read from
 * where the application can see them:
 * <ul>
 *   <li>what the container's support reads from components configured around the
 *       application ({@link ContainerSupport#identityFields}: on Tomcat, with upgrade-tomcat,
 *       the {@code ...Header} settings of the valves of its context, host and engine, such as
 *       {@code RemoteIpValve} and {@code SSLValve});</li>
 *   <li>on every container, the init-parameters named {@code ...Header} of the application's
 *       filters, which covers {@code RemoteIpFilter} and filters built like it.</li>
 * </ul>
 * Read at each upgrade, so that a valve added while the server runs counts too. A
 * container's connector-level support (Jetty's {@code ForwardedRequestCustomizer}) is out of
 * the application's sight; its default fields are among the known ones of
 * {@link IdentityFields}.
 */
public final class ConfiguredIdentityFields {

    private static final Logger LOG = Logger.getLogger(ConfiguredIdentityFields.class.getName());

    private ConfiguredIdentityFields() {
    }

    /** The known fields and those the configuration of {@code context}'s container reads. */
    public static IdentityFields of(ServletContext context) {
        List<String> names = new ArrayList<>();
        names.addAll(ContainerSupport.of(context).identityFields(context));
        names.addAll(filterFields(context));
        return IdentityFields.with(names);
    }

    private static List<String> filterFields(ServletContext context) {
        List<String> out = new ArrayList<>();
        try {
            for (FilterRegistration registration : context.getFilterRegistrations().values()) {
                for (Map.Entry<String, String> p : registration.getInitParameters().entrySet()) {
                    if (p.getKey().toLowerCase(Locale.ROOT).endsWith("header") && p.getValue() != null) {
                        out.add(p.getValue());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read the filters' fields", e);
        }
        return out;
    }
}
